-- CreateTable
CREATE TABLE "deleted_time_entries" (
    "id" UUID NOT NULL,
    "deleted_by_id" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deleted_time_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deleted_time_entries_deleted_by_id_deleted_at_idx" ON "deleted_time_entries"("deleted_by_id", "deleted_at");

-- CreateIndex
CREATE INDEX "deleted_time_entries_deleted_at_idx" ON "deleted_time_entries"("deleted_at");
