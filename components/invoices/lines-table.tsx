// An invoice's lines with quantity, price, tax and amount, then the tax breakdown and the totals.
import { formatMoney, type TaxGroup } from "@/lib/money";

interface Line {
  description: string;
  quantityMilli: number;
  unitPrice: number;
  amount: number;
  discountBp: number;
  taxMinor: number;
  /** From a preview: the tax applied; from a stored invoice: its name and rate. */
  tax?: { name: string; rateBp: number };
  taxName?: string;
  taxRateBp?: number;
}

const qty = (m: number) => (m / 1000).toLocaleString("en", { maximumFractionDigits: 3 });
const pct = (bp: number) => `${(bp / 100).toLocaleString("en", { maximumFractionDigits: 2 })} %`;

export function InvoiceLinesTable({
  lines,
  totals,
  currency,
}: {
  lines: readonly Line[];
  totals: { taxes: readonly TaxGroup[]; net: number; tax: number; total: number };
  currency: string;
}) {
  const m = (v: number) => formatMoney(v, currency);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="invoice-lines">
        <caption className="sr-only">Invoice lines</caption>
        <thead>
          <tr className="text-left">
            <th className="py-1">Description</th>
            <th className="text-right">Qty</th>
            <th className="text-right">Price</th>
            <th className="text-right">Tax</th>
            <th className="text-right">Amount</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} className="border-t border-slate-200 dark:border-slate-700">
              <td className="py-1">
                {l.description}
                {l.discountBp > 0 && <span className="ml-1 text-xs">(−{pct(l.discountBp)})</span>}
              </td>
              <td className="text-right tabular-nums">{qty(l.quantityMilli)}</td>
              <td className="text-right tabular-nums">{m(l.unitPrice)}</td>
              <td className="text-right">{pct(l.tax?.rateBp ?? l.taxRateBp ?? 0)}</td>
              <td className="text-right tabular-nums">{m(l.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-300 dark:border-slate-600">
            <th colSpan={4} className="py-1 text-right font-normal">
              Net
            </th>
            <td className="text-right tabular-nums">{m(totals.net)}</td>
          </tr>
          {totals.taxes.map((t) => (
            <tr key={`${t.name}-${t.rateBp}`}>
              <th colSpan={4} className="text-right font-normal">
                {t.name} {pct(t.rateBp)} on {m(t.net)}
              </th>
              <td className="text-right tabular-nums">{m(t.tax)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4} className="text-right">
              Total
            </th>
            <td className="text-right font-semibold tabular-nums" data-testid="invoice-total">
              {m(totals.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
