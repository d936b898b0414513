-- AlterTable
ALTER TABLE "expenses" ADD COLUMN     "receipt_size" INTEGER,
ADD COLUMN     "receipt_type" TEXT;
