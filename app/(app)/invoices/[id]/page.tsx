// One invoice (admins): lines, taxes, totals, payments; and what its status allows: add lines, issue
// or delete a draft; record payments, download the PDF, or cancel with a credit note once issued.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { InvoiceLinesTable } from "@/components/invoices/lines-table";
import { StatusBadge } from "@/components/invoices/status-badge";
import { adminOrForbidden } from "@/lib/auth/session";
import { timezoneOf } from "@/lib/services/entry-input";
import { dateKey } from "@/lib/time/tz";
import { AppError } from "@/lib/errors";
import { formatMoney, toDecimalString } from "@/lib/money";
import { getInvoice } from "@/lib/services/invoice-queries";
import { getInvoiceSettings, listTaxRates } from "@/lib/services/invoice-settings";
import {
  addDraftLineAction,
  cancelInvoiceAction,
  deleteInvoiceDraftAction,
  issueInvoiceAction,
  recordPaymentAction,
} from "../actions";

export const metadata = { title: "Invoice" };

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LINK = "text-blue-700 hover:underline dark:text-blue-400";

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await adminOrForbidden();
  const today = dateKey(new Date(), await timezoneOf(user.id));
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const inv = await getInvoice(user, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const [taxes, settings] = await Promise.all([
    inv.status === "draft" ? listTaxRates(user) : [],
    getInvoiceSettings(user),
  ]);
  const outstanding = inv.totalMinor - inv.paidMinor;
  const open = inv.kind === "invoice" && ["issued", "partly_paid", "overdue"].includes(inv.status);
  const title =
    inv.kind === "credit_note" ? `Credit note ${inv.number}` : inv.number ? `Invoice ${inv.number}` : "Draft invoice";
  return (
    <article aria-labelledby="invoice-h" className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center gap-3">
        {settings.hasLogo && (
          // eslint-disable-next-line @next/next/no-img-element -- an admin-only image route, not a static asset
          <img
            src={`/invoices/settings/logo?v=${settings.logoVersion}`}
            alt=""
            className="max-h-12 max-w-40 rounded bg-white p-1"
            data-testid="invoice-logo"
          />
        )}
        <h1 id="invoice-h" className="text-2xl font-semibold">
          {title}
        </h1>
        <StatusBadge status={inv.status} />
        {inv.number && (
          <a href={`/invoices/${inv.id}/pdf`} className={`${LINK} text-sm`} data-testid="pdf-link">
            Download PDF
          </a>
        )}
      </header>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Client</dt>
          <dd>{inv.clientName}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Period</dt>
          <dd>{inv.periodFrom ? `${inv.periodFrom} – ${inv.periodTo}` : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Issued / due</dt>
          <dd>{inv.issueDate ? `${inv.issueDate} / ${inv.dueDate}` : "not yet"}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Entries billed</dt>
          <dd>{inv.entryCount}</dd>
        </div>
        {inv.creditedId && (
          <div>
            <dt className="text-slate-600 dark:text-slate-300">Cancels</dt>
            <dd>
              <Link href={`/invoices/${inv.creditedId}`} className={LINK}>
                {inv.creditedNumber}
              </Link>
            </dd>
          </div>
        )}
        {inv.creditNoteId && (
          <div>
            <dt className="text-slate-600 dark:text-slate-300">Cancelled by</dt>
            <dd>
              <Link href={`/invoices/${inv.creditNoteId}`} className={LINK}>
                credit note
              </Link>
            </dd>
          </div>
        )}
      </dl>
      <InvoiceLinesTable
        lines={inv.lines}
        totals={{ ...inv, net: inv.netMinor, tax: inv.taxMinor, total: inv.totalMinor }}
        currency={inv.currency}
      />
      {inv.reverseCharge && <p className="text-sm">Reverse charge: VAT to be accounted for by the recipient.</p>}
      {inv.notes && <p className="text-sm whitespace-pre-line">{inv.notes}</p>}

      {inv.status === "draft" && (
        <section aria-labelledby="draft-h" className="flex flex-col gap-3">
          <h2 id="draft-h" className="text-lg font-semibold">
            Draft
          </h2>
          <div className="flex flex-wrap gap-3">
            <ActionButton action={issueInvoiceAction} fields={{ id: inv.id }} label="Issue invoice" variant="primary" />
            <ActionButton
              action={deleteInvoiceDraftAction}
              fields={{ id: inv.id }}
              label="Delete draft"
              variant="danger"
              confirm="Delete this draft? Its entries become billable again."
            />
          </div>
          <ActionForm
            action={addDraftLineAction}
            submitLabel="Add line"
            resetOnSuccess
            className="grid gap-2 sm:grid-cols-3"
          >
            <input type="hidden" name="invoiceId" value={inv.id} />
            <label className="flex flex-col text-sm sm:col-span-3">
              Description
              <input name="description" className={CONTROL} required maxLength={500} />
            </label>
            <label className="flex flex-col text-sm">
              Kind
              <select name="kind" className={CONTROL} defaultValue="manual">
                <option value="manual">Item</option>
                <option value="discount">Discount (subtracted)</option>
              </select>
            </label>
            <label className="flex flex-col text-sm">
              Quantity
              <input name="quantity" defaultValue="1" inputMode="decimal" className={CONTROL} />
            </label>
            <label className="flex flex-col text-sm">
              Unit price ({inv.currency})
              <input name="unitPrice" inputMode="decimal" className={CONTROL} required />
            </label>
            <label className="flex flex-col text-sm">
              Tax
              <select name="taxRateId" className={CONTROL} defaultValue="">
                <option value="">Default rate</option>
                {taxes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.rateBp / 100} %)
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col text-sm">
              Discount %
              <input name="discountPercent" defaultValue="0" inputMode="decimal" className={CONTROL} />
            </label>
          </ActionForm>
        </section>
      )}

      {inv.kind === "invoice" && inv.status !== "draft" && (
        <section aria-labelledby="payments-h" className="flex flex-col gap-3">
          <h2 id="payments-h" className="text-lg font-semibold">
            Payments
          </h2>
          {inv.payments.length === 0 ? (
            <p className="text-sm">No payment recorded yet.</p>
          ) : (
            <ul className="text-sm" data-testid="payments">
              {inv.payments.map((p) => (
                <li key={p.id}>
                  {p.date}: {formatMoney(p.amountMinor, inv.currency)} {p.method && `(${p.method})`}
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm" data-testid="outstanding">
            Outstanding: {formatMoney(inv.status === "cancelled" ? 0 : outstanding, inv.currency)}
          </p>
          {open && (
            <ActionForm
              action={recordPaymentAction}
              submitLabel="Record payment"
              resetOnSuccess
              className="flex flex-wrap items-end gap-2"
              testId="payment-form"
            >
              <input type="hidden" name="invoiceId" value={inv.id} />
              <label className="flex flex-col text-sm">
                Date
                <input type="date" name="date" required className={CONTROL} defaultValue={today} />
              </label>
              <label className="flex flex-col text-sm">
                Amount ({inv.currency})
                <input
                  name="amount"
                  required
                  inputMode="decimal"
                  className={CONTROL}
                  defaultValue={toDecimalString(outstanding, inv.currency)}
                />
              </label>
              <label className="flex flex-col text-sm">
                Method
                <input name="method" className={CONTROL} placeholder="Bank transfer" maxLength={60} />
              </label>
            </ActionForm>
          )}
          {inv.status !== "cancelled" && (
            <div>
              <ActionButton
                action={cancelInvoiceAction}
                fields={{ id: inv.id }}
                label="Cancel with credit note"
                variant="danger"
                confirm="Cancel this invoice? A credit note is issued and its entries become billable again."
              />
            </div>
          )}
        </section>
      )}
      <Link href="/invoices" className={`${LINK} text-sm`}>
        Back to invoices
      </Link>
    </article>
  );
}
