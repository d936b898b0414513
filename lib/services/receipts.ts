// Receipt files of expenses: one per expense, at most 10 MB, PNG, JPEG, WebP or PDF as told by the
// file's first bytes (never by its name or the browser's claimed type), kept in the database
// (expense_receipts), so every app instance serves them and backups carry them. Read and replaced by
// the expense's owner and admins only; the receipt goes when the expense is deleted.
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZId } from "@/lib/validation/common";
import { isAdmin, type Actor } from "./actor";

export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;

const TYPES = [
  {
    mime: "image/png",
    ext: "png",
    magic: (b: Uint8Array) => hasBytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { mime: "image/jpeg", ext: "jpg", magic: (b: Uint8Array) => hasBytes(b, 0, [0xff, 0xd8, 0xff]) },
  { mime: "image/webp", ext: "webp", magic: (b: Uint8Array) => hasText(b, 0, "RIFF") && hasText(b, 8, "WEBP") },
  { mime: "application/pdf", ext: "pdf", magic: (b: Uint8Array) => hasText(b, 0, "%PDF-") },
] as const;
export type ReceiptMime = (typeof TYPES)[number]["mime"];

function hasBytes(b: Uint8Array, at: number, want: readonly number[]): boolean {
  return b.length >= at + want.length && want.every((v, i) => b[at + i] === v);
}
const hasText = (b: Uint8Array, at: number, s: string) =>
  hasBytes(
    b,
    at,
    [...s].map((c) => c.charCodeAt(0)),
  );

/** The receipt type the content says it is, or null. */
export function receiptTypeOf(bytes: Uint8Array): (typeof TYPES)[number] | null {
  return TYPES.find((t) => t.magic(bytes)) ?? null;
}

/** Before receipts moved into the database they were files at <DATA_DIR>/receipts/<expense id>;
 * such a file is moved into the database the first time it is read. Only ever called with a checked
 * uuid, so the name cannot leave the folder. */
const legacyReceiptPath = (id: string) => path.join(env().dataDir, "receipts", id);
const fieldError = (message: string) => new AppError("VALIDATION", message, { receipt: [message] });
const gone = () => new AppError("NOT_FOUND", "That expense does not exist.");

async function ownExpense(actor: Actor, id: string) {
  const row = await db().expense.findFirst({
    where: { id, ...(isAdmin(actor) ? {} : { userId: actor.id }) },
    select: { id: true, receiptType: true },
  });
  if (!row) throw gone();
  return row;
}

/** Stores (or replaces) the receipt of an expense the caller may change. */
export async function attachReceipt(actor: Actor, input: { id: string; file: unknown }): Promise<void> {
  const id = ZId.parse(input.id);
  const file = input.file;
  if (!(file instanceof Blob) || file.size === 0) throw fieldError("Choose a receipt file.");
  if (file.size > RECEIPT_MAX_BYTES) throw fieldError("A receipt can be at most 10 MB.");
  await ownExpense(actor, id);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = receiptTypeOf(bytes);
  if (!type) throw fieldError("A receipt must be a PNG, JPEG or WebP image, or a PDF.");
  // One transaction: the type on the expense and the bytes change together, and an expense deleted
  // meanwhile leaves nothing behind.
  await db().$transaction(async (tx) => {
    const { count } = await tx.expense.updateMany({
      where: { id },
      data: { receiptType: type.mime, receiptSize: bytes.length },
    });
    if (count !== 1) throw gone();
    await tx.expenseReceipt.upsert({
      where: { expenseId: id },
      create: { expenseId: id, bytes },
      update: { bytes, createdAt: new Date() },
    });
  });
  await removeReceiptFile(id);
  track("expense.receipt_attached", { expense_id: id, file_type: type.ext }, { userId: actor.id });
}

/** The receipt of an expense the caller may see. */
export async function readReceipt(
  actor: Actor,
  id: string,
): Promise<{ bytes: Buffer; mime: ReceiptMime; filename: string }> {
  const parsed = ZId.safeParse(id);
  if (!parsed.success) throw new AppError("NOT_FOUND", "That receipt does not exist.");
  const row = await ownExpense(actor, parsed.data);
  const type = TYPES.find((t) => t.mime === row.receiptType);
  if (!type) throw new AppError("NOT_FOUND", "That expense has no receipt.");
  const stored = await db().expenseReceipt.findUnique({ where: { expenseId: row.id }, select: { bytes: true } });
  const bytes = stored ? Buffer.from(stored.bytes) : await moveLegacyReceipt(row.id);
  if (!bytes) throw new AppError("NOT_FOUND", "The receipt is missing: upload it again.");
  return { bytes, mime: type.mime, filename: `receipt-${row.id}.${type.ext}` };
}

/** A receipt still in the data folder (stored there before 2026-12-08) moves into the database. */
async function moveLegacyReceipt(id: string): Promise<Buffer | null> {
  const bytes = await fs.readFile(legacyReceiptPath(id)).catch(() => null);
  if (!bytes) return null;
  await db().expenseReceipt.createMany({
    data: [{ expenseId: id, bytes: new Uint8Array(bytes) }],
    skipDuplicates: true,
  });
  await removeReceiptFile(id);
  return bytes;
}

/** Removes an expense's receipt file from the data folder, if one is left from before receipts
 * moved into the database (the database row goes with its expense). */
export async function removeReceiptFile(id: string): Promise<void> {
  if (!ZId.safeParse(id).success) return;
  await fs.rm(legacyReceiptPath(id), { force: true });
}
