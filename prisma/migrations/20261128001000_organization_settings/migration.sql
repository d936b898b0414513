-- CreateEnum
CREATE TYPE "RoundingMode" AS ENUM ('up', 'down', 'nearest');

-- CreateTable
CREATE TABLE "organization_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'My organization',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "week_start" INTEGER NOT NULL DEFAULT 1,
    "rounding_minutes" INTEGER NOT NULL DEFAULT 0,
    "rounding_mode" "RoundingMode" NOT NULL DEFAULT 'nearest',
    "idle_timeout_minutes" INTEGER NOT NULL DEFAULT 10,
    "csv_delimiter" TEXT NOT NULL DEFAULT ',',
    "self_registration" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_settings_pkey" PRIMARY KEY ("id")
);
