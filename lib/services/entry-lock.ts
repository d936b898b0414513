// Billed entries are locked: an entry on an invoice (a draft or an issued one) cannot be edited or
// deleted until the draft is deleted or the invoice is cancelled with a credit note. Every writer of
// entries (entries, week grid, calendar, the JSON API) goes through lib/services/entries.ts, which
// checks here first and, inside its transaction, locks the rows before it reads the claims again
// (lockUnbilledEntries), so billing in between still wins. The claims live in invoice_entries.
import "server-only";
import type { Prisma } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

export async function lockedEntryError(id: string, tx: Tx = db()): Promise<AppError> {
  const claim = await tx.invoiceEntry.findUnique({
    where: { entryId: id },
    select: { invoice: { select: { number: true, status: true } } },
  });
  const inv = claim?.invoice;
  const message = !inv
    ? "This entry changed meanwhile. Reload and try again."
    : inv.status === "draft"
      ? "This entry is on a draft invoice. Delete the draft (or ask an admin to) before changing it."
      : `This entry is billed on invoice ${inv.number}. An admin can reopen it by cancelling the invoice with a credit note.`;
  return new AppError("CONFLICT", message);
}

/** Refuses a change to an entry that is on an invoice (a check before any work; see lockUnbilledEntries). */
export async function assertEntryUnbilled(id: string, tx: Tx = db()): Promise<void> {
  const claim = await tx.invoiceEntry.findUnique({ where: { entryId: id }, select: { entryId: true } });
  if (claim) throw await lockedEntryError(id, tx);
}

/**
 * Inside a writer's transaction: locks the entries' rows, then refuses if one is on an invoice.
 * A draft claims with `FOR SHARE` on the rows it bills (invoices.ts), which `FOR UPDATE` waits for,
 * and the claims are read in a later statement, which sees a claim committed during that wait. The
 * other way round, the draft waits for this transaction and bills the entries as it left them.
 */
export async function lockUnbilledEntries(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  // Locked in id order, the same for every writer, so two bulk edits cannot deadlock each other.
  await tx.$queryRaw`SELECT id FROM time_entries WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`;
  const billed = await tx.invoiceEntry.findFirst({ where: { entryId: { in: [...ids] } }, select: { entryId: true } });
  if (billed) throw await lockedEntryError(billed.entryId, tx);
}
