-- AlterTable
ALTER TABLE "organization_settings" ADD COLUMN     "members_see_money" BOOLEAN NOT NULL DEFAULT false;
