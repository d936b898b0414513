// The optional manual exchange rate of an invoice (admins): set or cleared while it is a draft, then
// frozen with it (a credit note copies it). Reporting only: it converts totals to the home
// (organization's) currency on the invoice page, the PDF and the list; nothing is ever fetched.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { convertMinor } from "@/lib/money";
import { track } from "@/lib/observability/track";
import { ZSetExchangeRate, type TSetExchangeRate } from "@/lib/validation/invoices";
import { actorUserId, assertAdmin, type Caller } from "./actor";
import { getOrgSettings } from "./settings";

export async function setDraftExchangeRate(actor: Caller, input: TSetExchangeRate): Promise<void> {
  assertAdmin(actor, "edit invoices");
  const { id, exchangeRate } = ZSetExchangeRate.parse(input);
  const [inv, org] = await Promise.all([
    db().invoice.findUnique({ where: { id }, select: { status: true, currency: true } }),
    getOrgSettings(),
  ]);
  if (!inv) throw new AppError("NOT_FOUND", "That invoice does not exist.");
  if (inv.status !== "draft") throw new AppError("CONFLICT", "An issued invoice cannot be changed.");
  if (exchangeRate && inv.currency === org.currency) {
    const message = `This invoice is in the home currency (${org.currency}): it needs no exchange rate.`;
    throw new AppError("VALIDATION", message, { exchangeRate: [message] });
  }
  // Only while still a draft: an issue in between wins.
  const { count } = await db().invoice.updateMany({ where: { id, status: "draft" }, data: { exchangeRate } });
  if (count !== 1) throw new AppError("CONFLICT", "An issued invoice cannot be changed.");
  track(
    "invoice.exchange_rate_set",
    { invoice_id: id, has_rate: exchangeRate !== null },
    { userId: actorUserId(actor) },
  );
}

export interface HomeAmount {
  /** The home currency's code and the amount in its minor units. */
  currency: string;
  minor: number;
  rate: string;
}

/** `minor` of an invoice in the home currency: itself when it is in it, converted at its rate, else null. */
export function inHomeCurrency(
  minor: number,
  inv: { currency: string; exchangeRate: string | null },
  home: string,
): HomeAmount | null {
  if (inv.currency === home) return { currency: home, minor, rate: "1" };
  if (!inv.exchangeRate) return null;
  return { currency: home, minor: convertMinor(minor, inv.exchangeRate, inv.currency, home), rate: inv.exchangeRate };
}
