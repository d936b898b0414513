// Billed expenses are locked like billed entries: on an invoice (draft or issued) an expense cannot be
// edited or deleted until the draft is deleted or the invoice is cancelled with a credit note.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function lockedExpenseError(id: string): Promise<AppError> {
  const row = await db().expense.findUnique({
    where: { id },
    select: { invoice: { select: { number: true, status: true } } },
  });
  const inv = row?.invoice;
  const message = !row
    ? "That expense does not exist."
    : !inv
      ? "This expense changed meanwhile. Reload and try again."
      : inv.status === "draft"
        ? "This expense is on a draft invoice. Delete the draft (or ask an admin to) before changing it."
        : `This expense is billed on invoice ${inv.number}. An admin can reopen it by cancelling the invoice with a credit note.`;
  return new AppError(row ? "CONFLICT" : "NOT_FOUND", message);
}
