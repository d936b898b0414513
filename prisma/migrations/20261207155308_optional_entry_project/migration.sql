-- AlterTable
ALTER TABLE "time_entries" ALTER COLUMN "project_id" DROP NOT NULL;
