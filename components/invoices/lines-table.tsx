// An invoice's lines with quantity, price, tax and amount, then the tax breakdown and the totals.
import { useTranslations } from "next-intl";
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

const QTY = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });
const PCT = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const qty = (m: number) => QTY.format(m / 1000);
const pct = (bp: number) => `${PCT.format(bp / 100)} %`;

export function InvoiceLinesTable({
  lines,
  totals,
  currency,
}: {
  lines: readonly Line[];
  totals: { taxes: readonly TaxGroup[]; net: number; tax: number; total: number };
  currency: string;
}) {
  const t = useTranslations("InvoiceLines");
  const m = (v: number) => formatMoney(v, currency);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="invoice-lines">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="text-left">
            <th className="py-1">{t("description")}</th>
            <th className="text-right">{t("qty")}</th>
            <th className="text-right">{t("price")}</th>
            <th className="text-right">{t("tax")}</th>
            <th className="text-right">{t("amount")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} className="border-t border-slate-200 dark:border-slate-700">
              <td className="py-1">
                {l.description}
                {l.discountBp > 0 && (
                  <span className="ml-1 text-xs">{t("discount", { percent: pct(l.discountBp) })}</span>
                )}
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
              {t("net")}
            </th>
            <td className="text-right tabular-nums">{m(totals.net)}</td>
          </tr>
          {totals.taxes.map((g) => (
            <tr key={`${g.name}-${g.rateBp}`}>
              <th colSpan={4} className="text-right font-normal">
                {t("taxOn", { name: g.name, percent: pct(g.rateBp), net: m(g.net) })}
              </th>
              <td className="text-right tabular-nums">{m(g.tax)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4} className="text-right">
              {t("total")}
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
