// Billed entries are locked: an entry on an invoice (a draft or an issued one) cannot be edited or
// deleted until the draft is deleted or the invoice is cancelled with a credit note. Every writer of
// entries (entries, week grid, timer, the JSON API) goes through lib/services/entries.ts, which checks
// here first and then writes only `WHERE invoice_id IS NULL`, so billing in between still wins.
import "server-only";
import type { Prisma } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

export async function lockedEntryError(id: string, tx: Tx = db()): Promise<AppError> {
  const row = await tx.timeEntry.findUnique({
    where: { id },
    select: { invoice: { select: { number: true, status: true } } },
  });
  const inv = row?.invoice;
  const message = !inv
    ? "This entry changed meanwhile. Reload and try again."
    : inv.status === "draft"
      ? "This entry is on a draft invoice. Delete the draft (or ask an admin to) before changing it."
      : `This entry is billed on invoice ${inv.number}. An admin can reopen it by cancelling the invoice with a credit note.`;
  return new AppError("CONFLICT", message);
}

/** Refuses a change to an entry that is on an invoice. */
export async function assertEntryUnbilled(id: string, tx: Tx = db()): Promise<void> {
  const row = await tx.timeEntry.findUnique({ where: { id }, select: { invoiceId: true } });
  if (row?.invoiceId) throw await lockedEntryError(id, tx);
}
