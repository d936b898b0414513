// Invoices (admins): the list filtered by status, client and issue period, what is outstanding and
// overdue per currency and in the home currency (where a rate exists), and the CSV of the same list.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/invoices/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { adminOrForbidden } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listClients } from "@/lib/services/clients";
import { listInvoices } from "@/lib/services/invoice-queries";
import { INVOICE_STATUSES, ZInvoiceFilter } from "@/lib/validation/invoices";

export async function generateMetadata() {
  return { title: (await getTranslations("Invoices"))("title") };
}

const LINK = "font-medium text-blue-700 hover:underline dark:text-blue-400";
const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const TERM = "text-xs text-slate-600 dark:text-slate-300";

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await adminOrForbidden();
  const [t, ts] = await Promise.all([getTranslations("Invoices"), getTranslations("InvoiceStatus")]);
  const filter = ZInvoiceFilter.parse(await searchParams);
  const [{ invoices, totals, home }, clients] = await Promise.all([listInvoices(user, filter), listClients(user)]);
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  // The home-currency figure adds something only when some open invoice is in another currency.
  const mixed = totals.some((x) => x.currency !== home.currency);
  return (
    <section aria-labelledby="invoices-h" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="invoices-h" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <nav className="flex flex-wrap gap-3 text-sm" aria-label={t("navLabel")}>
          <Link href="/invoices/new" className="rounded-md bg-blue-700 px-3 py-2 font-medium text-white">
            {t("newInvoice")}
          </Link>
          <Link href="/rates" className={LINK}>
            {t("rates")}
          </Link>
          <Link href="/invoices/settings" className={LINK}>
            {t("settings")}
          </Link>
        </nav>
      </div>
      {totals.length > 0 && (
        <dl className="flex flex-wrap gap-6" aria-label={t("totalsLabel")}>
          {totals.map((x) => (
            <div key={x.currency}>
              <dt className={TERM}>{t("outstandingIn", { currency: x.currency })}</dt>
              <dd className="text-lg font-semibold" data-testid={`outstanding-${x.currency}`}>
                {formatMoney(x.outstandingMinor, x.currency)}
                {x.overdueMinor > 0 && (
                  <span className="ml-2 text-sm text-red-700 dark:text-red-400">
                    {t("overdue", { amount: formatMoney(x.overdueMinor, x.currency) })}
                  </span>
                )}
              </dd>
            </div>
          ))}
          {mixed && (
            <div>
              <dt className={TERM} title={t("homeTotalHelp", { currency: home.currency })}>
                {t("homeTotal", { currency: home.currency })}
              </dt>
              <dd className="text-lg font-semibold" data-testid="outstanding-home">
                ≈ {formatMoney(home.outstandingMinor, home.currency)}
                {home.overdueMinor > 0 && (
                  <span className="ml-2 text-sm text-red-700 dark:text-red-400">
                    {t("overdue", { amount: formatMoney(home.overdueMinor, home.currency) })}
                  </span>
                )}
              </dd>
            </div>
          )}
        </dl>
      )}
      {mixed && home.withoutRate.length > 0 && (
        <ul className="text-sm text-amber-800 dark:text-amber-300" data-testid="without-rate">
          {home.withoutRate.map((w) => (
            <li key={w.currency}>{t("withoutRate", { count: w.count, currency: w.currency })}</li>
          ))}
        </ul>
      )}
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filterLabel")}>
        <label className="flex flex-col text-sm">
          {t("status")}
          <select name="status" defaultValue={filter.status ?? ""} className={CONTROL}>
            <option value="">{t("any")}</option>
            {INVOICE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("client")}
          <select name="clientId" defaultValue={filter.clientId ?? ""} className={CONTROL}>
            <option value="">{t("any")}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("issuedFrom")}
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={CONTROL} />
        </label>
        <label className="flex flex-col text-sm">
          {t("issuedTo")}
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={CONTROL} />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">
          {t("filter")}
        </button>
        <a href={`/invoices/export${query ? `?${query}` : ""}`} className={`${LINK} text-sm`}>
          {t("downloadCsv")}
        </a>
      </form>
      {invoices.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{query ? t("emptyFiltered") : t("emptyAll")}</EmptyState>
      ) : (
        <Table
          caption={t("caption")}
          columns={[
            t("colNumber"),
            t("colClient"),
            t("colStatus"),
            t("colIssued"),
            t("colDue"),
            t("colTotal"),
            t("colPaid"),
          ]}
        >
          {invoices.map((i) => (
            <tr key={i.id} className="border-t border-slate-200 dark:border-slate-700">
              <td className="py-2">
                <Link href={`/invoices/${i.id}`} className={LINK}>
                  {i.number ?? t("draft")}
                </Link>
                {i.kind === "credit_note" && <span className="ml-2 text-xs">{t("creditNote")}</span>}
              </td>
              <td>{i.clientName}</td>
              <td>
                <StatusBadge status={i.status} />
              </td>
              <td>{i.issueDate ?? t("none")}</td>
              <td>{i.dueDate ?? t("none")}</td>
              <td className="text-right tabular-nums">{formatMoney(i.totalMinor, i.currency)}</td>
              <td className="text-right tabular-nums">{formatMoney(i.paidMinor, i.currency)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
