// One invoice (admins): lines, taxes, totals, payments; and what its status allows: add lines, set an
// exchange rate, issue or delete a draft; record payments, download the PDF, or cancel with a credit
// note once issued.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { InvoiceLinesTable } from "@/components/invoices/lines-table";
import { StatusBadge } from "@/components/invoices/status-badge";
import { adminOrForbidden } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatMoney, toDecimalString } from "@/lib/money";
import { timezoneOf } from "@/lib/services/entry-input";
import { inHomeCurrency } from "@/lib/services/invoice-exchange";
import { getInvoice } from "@/lib/services/invoice-queries";
import { getInvoiceSettings, listTaxRates } from "@/lib/services/invoice-settings";
import { getOrgSettings } from "@/lib/services/settings";
import { dateKey } from "@/lib/time/tz";
import {
  addDraftLineAction,
  cancelInvoiceAction,
  deleteInvoiceDraftAction,
  issueInvoiceAction,
  recordPaymentAction,
  setExchangeRateAction,
} from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Invoice"))("metaTitle") };
}

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LINK = "text-blue-700 hover:underline dark:text-blue-400";
const TERM = "text-slate-600 dark:text-slate-300";

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await adminOrForbidden();
  const t = await getTranslations("Invoice");
  const today = dateKey(new Date(), await timezoneOf(user.id));
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const inv = await getInvoice(user, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const [taxes, settings, org] = await Promise.all([
    inv.status === "draft" ? listTaxRates(user) : [],
    getInvoiceSettings(user),
    getOrgSettings(),
  ]);
  const outstanding = inv.totalMinor - inv.paidMinor;
  const open = inv.kind === "invoice" && ["issued", "partly_paid", "overdue"].includes(inv.status);
  const foreign = inv.currency !== org.currency;
  const home = foreign ? inHomeCurrency(inv.totalMinor, inv, org.currency) : null;
  const title =
    inv.kind === "credit_note"
      ? t("titleCredit", { number: inv.number ?? "" })
      : inv.number
        ? t("titleInvoice", { number: inv.number })
        : t("titleDraft");
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
            {t("downloadPdf")}
          </a>
        )}
      </header>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className={TERM}>{t("client")}</dt>
          <dd>{inv.clientName}</dd>
        </div>
        <div>
          <dt className={TERM}>{t("period")}</dt>
          <dd>{inv.periodFrom ? t("periodRange", { from: inv.periodFrom, to: inv.periodTo ?? "" }) : t("none")}</dd>
        </div>
        <div>
          <dt className={TERM}>{t("issuedDue")}</dt>
          <dd>
            {inv.issueDate ? t("issuedDueValue", { issued: inv.issueDate, due: inv.dueDate ?? "" }) : t("notYet")}
          </dd>
        </div>
        <div>
          <dt className={TERM}>{t("entriesBilled")}</dt>
          <dd>{inv.entryCount}</dd>
        </div>
        {inv.creditedId && (
          <div>
            <dt className={TERM}>{t("cancels")}</dt>
            <dd>
              <Link href={`/invoices/${inv.creditedId}`} className={LINK}>
                {inv.creditedNumber}
              </Link>
            </dd>
          </div>
        )}
        {inv.creditNoteId && (
          <div>
            <dt className={TERM}>{t("cancelledBy")}</dt>
            <dd>
              <Link href={`/invoices/${inv.creditNoteId}`} className={LINK}>
                {t("creditNoteLink")}
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
      {foreign && (
        <p className="text-right text-sm" data-testid="home-amount">
          {home
            ? t("inHome", {
                amount: formatMoney(home.minor, home.currency),
                currency: inv.currency,
                rate: home.rate,
                home: home.currency,
              })
            : t("noRate", { home: org.currency })}
        </p>
      )}
      {inv.reverseCharge && <p className="text-sm">{t("reverseCharge")}</p>}
      {inv.notes && <p className="text-sm whitespace-pre-line">{inv.notes}</p>}

      {inv.status === "draft" && (
        <section aria-labelledby="draft-h" className="flex flex-col gap-3">
          <h2 id="draft-h" className="text-lg font-semibold">
            {t("draftTitle")}
          </h2>
          <div className="flex flex-wrap gap-3">
            <ActionButton action={issueInvoiceAction} fields={{ id: inv.id }} label={t("issue")} variant="primary" />
            <ActionButton
              action={deleteInvoiceDraftAction}
              fields={{ id: inv.id }}
              label={t("deleteDraft")}
              variant="danger"
              confirm={t("deleteDraftConfirm")}
            />
          </div>
          {foreign && (
            <ActionForm
              action={setExchangeRateAction}
              submitLabel={t("rateSave")}
              successMessage={t("rateSaved")}
              className="flex flex-wrap items-end gap-2"
              testId="rate-form"
            >
              <input type="hidden" name="id" value={inv.id} />
              <p className="w-full text-sm text-slate-600 dark:text-slate-300">
                {t("rateHelp", { currency: inv.currency, home: org.currency })}
              </p>
              <label className="flex flex-col text-sm">
                {t("rateLabel", { currency: inv.currency, home: org.currency })}
                <input
                  name="exchangeRate"
                  inputMode="decimal"
                  defaultValue={inv.exchangeRate ?? ""}
                  maxLength={20}
                  className={`${CONTROL} w-36`}
                />
              </label>
            </ActionForm>
          )}
          <ActionForm
            action={addDraftLineAction}
            submitLabel={t("addLine")}
            resetOnSuccess
            className="grid gap-2 sm:grid-cols-3"
          >
            <input type="hidden" name="invoiceId" value={inv.id} />
            <label className="flex flex-col text-sm sm:col-span-3">
              {t("description")}
              <input name="description" className={CONTROL} required maxLength={500} />
            </label>
            <label className="flex flex-col text-sm">
              {t("kind")}
              <select name="kind" className={CONTROL} defaultValue="manual">
                <option value="manual">{t("kindItem")}</option>
                <option value="discount">{t("kindDiscount")}</option>
              </select>
            </label>
            <label className="flex flex-col text-sm">
              {t("quantity")}
              <input name="quantity" defaultValue="1" inputMode="decimal" className={CONTROL} />
            </label>
            <label className="flex flex-col text-sm">
              {t("unitPrice", { currency: inv.currency })}
              <input name="unitPrice" inputMode="decimal" className={CONTROL} required />
            </label>
            <label className="flex flex-col text-sm">
              {t("tax")}
              <select name="taxRateId" className={CONTROL} defaultValue="">
                <option value="">{t("defaultRate")}</option>
                {taxes.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t("taxOption", { name: r.name, rate: r.rateBp / 100 })}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col text-sm">
              {t("discountPercent")}
              <input name="discountPercent" defaultValue="0" inputMode="decimal" className={CONTROL} />
            </label>
          </ActionForm>
        </section>
      )}

      {inv.kind === "invoice" && inv.status !== "draft" && (
        <section aria-labelledby="payments-h" className="flex flex-col gap-3">
          <h2 id="payments-h" className="text-lg font-semibold">
            {t("payments")}
          </h2>
          {inv.payments.length === 0 ? (
            <p className="text-sm">{t("noPayments")}</p>
          ) : (
            <ul className="text-sm" data-testid="payments">
              {inv.payments.map((p) => (
                <li key={p.id}>
                  {t("paymentLine", { date: p.date, amount: formatMoney(p.amountMinor, inv.currency) })}{" "}
                  {p.method && t("paymentMethod", { method: p.method })}
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm" data-testid="outstanding">
            {t("outstanding", {
              amount: formatMoney(inv.status === "cancelled" ? 0 : outstanding, inv.currency),
            })}
          </p>
          {open && (
            <ActionForm
              action={recordPaymentAction}
              submitLabel={t("recordPayment")}
              resetOnSuccess
              className="flex flex-wrap items-end gap-2"
              testId="payment-form"
            >
              <input type="hidden" name="invoiceId" value={inv.id} />
              <label className="flex flex-col text-sm">
                {t("date")}
                <input type="date" name="date" required className={CONTROL} defaultValue={today} />
              </label>
              <label className="flex flex-col text-sm">
                {t("amount", { currency: inv.currency })}
                <input
                  name="amount"
                  required
                  inputMode="decimal"
                  className={CONTROL}
                  defaultValue={toDecimalString(outstanding, inv.currency)}
                />
              </label>
              <label className="flex flex-col text-sm">
                {t("method")}
                <input name="method" className={CONTROL} placeholder={t("methodPlaceholder")} maxLength={60} />
              </label>
            </ActionForm>
          )}
          {inv.status !== "cancelled" && (
            <div>
              <ActionButton
                action={cancelInvoiceAction}
                fields={{ id: inv.id }}
                label={t("cancel")}
                variant="danger"
                confirm={t("cancelConfirm")}
              />
            </div>
          )}
        </section>
      )}
      <Link href="/invoices" className={`${LINK} text-sm`}>
        {t("back")}
      </Link>
    </article>
  );
}
