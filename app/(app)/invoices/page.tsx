// Invoices (admins): the list filtered by status, client and issue period, what is outstanding and
// overdue per currency, and the CSV export of the same list.
import Link from "next/link";
import { StatusBadge, STATUS_LABEL } from "@/components/invoices/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { adminOrForbidden } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listClients } from "@/lib/services/clients";
import { listInvoices } from "@/lib/services/invoice-queries";
import { INVOICE_STATUSES, ZInvoiceFilter } from "@/lib/validation/invoices";

export const metadata = { title: "Invoices" };

const LINK = "font-medium text-blue-700 hover:underline dark:text-blue-400";
const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await adminOrForbidden();
  const filter = ZInvoiceFilter.parse(await searchParams);
  const [{ invoices, totals }, clients] = await Promise.all([listInvoices(user, filter), listClients(user)]);
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return (
    <section aria-labelledby="invoices-h" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="invoices-h" className="text-2xl font-semibold">
          Invoices
        </h1>
        <nav className="flex flex-wrap gap-3 text-sm" aria-label="Invoicing">
          <Link href="/invoices/new" className="rounded-md bg-blue-700 px-3 py-2 font-medium text-white">
            New invoice
          </Link>
          <Link href="/rates" className={LINK}>
            Rates
          </Link>
          <Link href="/invoices/settings" className={LINK}>
            Invoice settings
          </Link>
        </nav>
      </div>
      {totals.length > 0 && (
        <dl className="flex flex-wrap gap-6" aria-label="Totals">
          {totals.map((t) => (
            <div key={t.currency}>
              <dt className="text-xs text-slate-600 dark:text-slate-300">Outstanding ({t.currency})</dt>
              <dd className="text-lg font-semibold" data-testid={`outstanding-${t.currency}`}>
                {formatMoney(t.outstandingMinor, t.currency)}
                {t.overdueMinor > 0 && (
                  <span className="ml-2 text-sm text-red-700 dark:text-red-400">
                    {formatMoney(t.overdueMinor, t.currency)} overdue
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter invoices">
        <label className="flex flex-col text-sm">
          Status
          <select name="status" defaultValue={filter.status ?? ""} className={CONTROL}>
            <option value="">Any</option>
            {INVOICE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Client
          <select name="clientId" defaultValue={filter.clientId ?? ""} className={CONTROL}>
            <option value="">Any</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Issued from
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={CONTROL} />
        </label>
        <label className="flex flex-col text-sm">
          to
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={CONTROL} />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">
          Filter
        </button>
        <a href={`/invoices/export${query ? `?${query}` : ""}`} className={`${LINK} text-sm`}>
          Download CSV
        </a>
      </form>
      {invoices.length === 0 ? (
        <EmptyState title="No invoices here">
          {query ? "No invoice matches these filters." : "Create one from tracked time with “New invoice”."}
        </EmptyState>
      ) : (
        <Table caption="Invoices" columns={["Number", "Client", "Status", "Issued", "Due", "Total", "Paid"]}>
          {invoices.map((i) => (
            <tr key={i.id} className="border-t border-slate-200 dark:border-slate-700">
              <td className="py-2">
                <Link href={`/invoices/${i.id}`} className={LINK}>
                  {i.number ?? "Draft"}
                </Link>
                {i.kind === "credit_note" && <span className="ml-2 text-xs">credit note</span>}
              </td>
              <td>{i.clientName}</td>
              <td>
                <StatusBadge status={i.status} />
              </td>
              <td>{i.issueDate ?? "—"}</td>
              <td>{i.dueDate ?? "—"}</td>
              <td className="text-right tabular-nums">{formatMoney(i.totalMinor, i.currency)}</td>
              <td className="text-right tabular-nums">{formatMoney(i.paidMinor, i.currency)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
