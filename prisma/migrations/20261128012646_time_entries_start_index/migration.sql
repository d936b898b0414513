-- CreateIndex
CREATE INDEX "time_entries_start_id_idx" ON "time_entries"("start", "id");
