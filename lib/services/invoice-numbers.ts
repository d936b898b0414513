// Gapless invoice numbers: `INV-{YYYY}-{SEQ:4}` → INV-2026-0001. The counter row for the pattern's
// period is incremented by one upsert inside the transaction that issues the invoice: the row stays
// locked until that transaction ends, so concurrent issues queue, and a rolled-back issue gives its
// number back (nothing is consumed unless the invoice is committed with it).
import "server-only";
import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

/** The pattern with its date parts filled in; {SEQ…} is left for the counter. */
function periodKey(pattern: string, day: string): string {
  const [y, m] = day.split("-");
  return pattern.replaceAll("{YYYY}", y).replaceAll("{YY}", y.slice(2)).replaceAll("{MM}", m);
}

export function formatNumber(pattern: string, day: string, seq: number): string {
  return periodKey(pattern, day).replace(/\{SEQ(?::(\d))?\}/g, (_, w: string | undefined) =>
    String(seq).padStart(Number(w ?? 1), "0"),
  );
}

/** Takes the next number of `pattern` for an invoice dated `day` ("YYYY-MM-DD"). */
export async function takeNumber(tx: Tx, pattern: string, day: string): Promise<string> {
  const key = periodKey(pattern, day);
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO invoice_counters (key, last) VALUES (${key}, 1)
    ON CONFLICT (key) DO UPDATE SET last = invoice_counters.last + 1
    RETURNING last`;
  return formatNumber(pattern, day, Number(rows[0].last));
}
