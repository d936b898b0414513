-- Billing claims move from time_entries.invoice_id to a narrow table (docs/performance.md, "Invoicing"):
-- a draft inserts one small row per entry instead of rewriting each wide entry row and its 8 indexes.
-- Created first, filled from today's column, then the column (its index and foreign key) goes.

-- CreateTable
CREATE TABLE "invoice_entries" (
    "entry_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,

    CONSTRAINT "invoice_entries_pkey" PRIMARY KEY ("entry_id")
);

-- Copy the existing claims (drafts and issued invoices alike).
INSERT INTO "invoice_entries" ("entry_id", "invoice_id")
SELECT "id", "invoice_id" FROM "time_entries" WHERE "invoice_id" IS NOT NULL;

-- CreateIndex
CREATE INDEX "invoice_entries_invoice_id_idx" ON "invoice_entries"("invoice_id");

-- AddForeignKey
ALTER TABLE "invoice_entries" ADD CONSTRAINT "invoice_entries_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "time_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_entries" ADD CONSTRAINT "invoice_entries_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropForeignKey
ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_invoice_id_fkey";

-- DropIndex
DROP INDEX "time_entries_invoice_id_idx";

-- AlterTable
ALTER TABLE "time_entries" DROP COLUMN "invoice_id";
