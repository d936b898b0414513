-- CreateIndex
CREATE INDEX "time_entries_start_project_id_user_id_task_id_billable_end_idx" ON "time_entries"("start", "project_id", "user_id", "task_id", "billable", "end");
