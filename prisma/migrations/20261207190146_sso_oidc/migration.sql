-- CreateEnum
CREATE TYPE "SsoLinkBy" AS ENUM ('email', 'subject');

-- AlterTable
ALTER TABLE "organization_settings" ADD COLUMN     "sso_default_role" "Role" NOT NULL DEFAULT 'user',
ADD COLUMN     "sso_jit_enabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sso_link_by" "SsoLinkBy" NOT NULL DEFAULT 'email',
ADD COLUMN     "sso_only" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "sso_issuer" TEXT,
ADD COLUMN     "sso_subject" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "users_sso_issuer_sso_subject_key" ON "users"("sso_issuer", "sso_subject");
