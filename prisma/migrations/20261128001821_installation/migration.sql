-- CreateTable
CREATE TABLE "installation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "installation_id" UUID NOT NULL,
    "salt" TEXT NOT NULL,
    "setup_completed_at" TIMESTAMPTZ(3),
    "telemetry_enabled" BOOLEAN NOT NULL DEFAULT false,
    "telemetry_choice_at" TIMESTAMPTZ(3),
    "product_analytics_enabled" BOOLEAN NOT NULL DEFAULT false,
    "app_version" TEXT,
    "app_version_since" TIMESTAMPTZ(3),
    "install_ping_sent_at" TIMESTAMPTZ(3),
    "last_sent_version" TEXT,
    "last_sent_at" TIMESTAMPTZ(3),
    "next_check_at" TIMESTAMPTZ(3),
    "latest_known_version" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "installation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "installation_installation_id_key" ON "installation"("installation_id");

-- One installation per database (not expressible in the Prisma schema).
ALTER TABLE "installation" ADD CONSTRAINT "installation_singleton_check" CHECK ("id" = 1);
