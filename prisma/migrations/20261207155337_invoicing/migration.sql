-- CreateEnum
CREATE TYPE "PriceMode" AS ENUM ('net', 'gross');

-- CreateEnum
CREATE TYPE "MoneyRounding" AS ENUM ('half_up', 'half_even');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('invoice', 'credit_note');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('draft', 'issued', 'partly_paid', 'paid', 'cancelled');

-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('time', 'manual', 'discount');

-- AlterTable
ALTER TABLE "clients" ADD COLUMN     "currency" TEXT,
ADD COLUMN     "tax_id" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "time_entries" ADD COLUMN     "invoice_id" UUID;

-- CreateTable
CREATE TABLE "rates" (
    "id" UUID NOT NULL,
    "client_id" UUID,
    "project_id" UUID,
    "user_id" UUID,
    "effective_from" DATE NOT NULL,
    "hourly_rate" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tax_rates" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "rate_bp" INTEGER NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tax_rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "legal_name" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "tax_id" TEXT NOT NULL DEFAULT '',
    "payment_details" TEXT NOT NULL DEFAULT '',
    "logo" BYTEA,
    "logo_type" TEXT,
    "number_pattern" TEXT NOT NULL DEFAULT 'INV-{YYYY}-{SEQ:4}',
    "credit_pattern" TEXT NOT NULL DEFAULT 'CN-{YYYY}-{SEQ:4}',
    "due_days" INTEGER NOT NULL DEFAULT 14,
    "price_mode" "PriceMode" NOT NULL DEFAULT 'net',
    "rounding" "MoneyRounding" NOT NULL DEFAULT 'half_up',
    "paper_size" TEXT NOT NULL DEFAULT 'A4',
    "footer_note" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invoice_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_counters" (
    "key" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "invoice_counters_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" UUID NOT NULL,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'invoice',
    "number" TEXT,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'draft',
    "client_id" UUID NOT NULL,
    "currency" TEXT NOT NULL,
    "price_mode" "PriceMode" NOT NULL,
    "rounding" "MoneyRounding" NOT NULL,
    "period_from" DATE,
    "period_to" DATE,
    "issue_date" DATE,
    "due_date" DATE,
    "notes" TEXT NOT NULL DEFAULT '',
    "reverse_charge" BOOLEAN NOT NULL DEFAULT false,
    "exchange_rate" TEXT,
    "net_minor" INTEGER NOT NULL DEFAULT 0,
    "tax_minor" INTEGER NOT NULL DEFAULT 0,
    "total_minor" INTEGER NOT NULL DEFAULT 0,
    "paid_minor" INTEGER NOT NULL DEFAULT 0,
    "snapshot" JSONB,
    "credited_id" UUID,
    "created_by_id" UUID,
    "issued_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_lines" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "InvoiceLineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "quantity_milli" INTEGER NOT NULL,
    "unit_price" INTEGER NOT NULL,
    "discount_bp" INTEGER NOT NULL DEFAULT 0,
    "amount" INTEGER NOT NULL,
    "tax_name" TEXT NOT NULL,
    "tax_rate_bp" INTEGER NOT NULL,
    "tax_minor" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "method" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rates_project_id_user_id_effective_from_idx" ON "rates"("project_id", "user_id", "effective_from");

-- CreateIndex
CREATE INDEX "rates_user_id_effective_from_idx" ON "rates"("user_id", "effective_from");

-- CreateIndex
CREATE INDEX "rates_client_id_effective_from_idx" ON "rates"("client_id", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "tax_rates_name_key" ON "tax_rates"("name");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_credited_id_key" ON "invoices"("credited_id");

-- CreateIndex
CREATE INDEX "invoices_status_due_date_idx" ON "invoices"("status", "due_date");

-- CreateIndex
CREATE INDEX "invoices_client_id_issue_date_idx" ON "invoices"("client_id", "issue_date");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_lines_invoice_id_position_key" ON "invoice_lines"("invoice_id", "position");

-- CreateIndex
CREATE INDEX "payments_invoice_id_idx" ON "payments"("invoice_id");

-- CreateIndex
CREATE INDEX "time_entries_invoice_id_idx" ON "time_entries"("invoice_id");

-- AddForeignKey
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rates" ADD CONSTRAINT "rates_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rates" ADD CONSTRAINT "rates_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rates" ADD CONSTRAINT "rates_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credited_id_fkey" FOREIGN KEY ("credited_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What Prisma cannot express: money and rates stay in range whatever writes them.
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_rate_bp_range" CHECK ("rate_bp" BETWEEN 0 AND 10000);
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_tax_rate_bp_range" CHECK ("tax_rate_bp" BETWEEN 0 AND 10000);
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_quantity_nonnegative" CHECK ("quantity_milli" >= 0);
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "rates" ADD CONSTRAINT "rates_hourly_rate_nonnegative" CHECK ("hourly_rate" >= 0);
