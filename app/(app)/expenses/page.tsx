// Expenses: record project costs, the list filtered by project and period with totals per currency,
// edit and delete (behind a confirmation) while an expense is not on an invoice.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { userOrRedirect } from "@/lib/auth/session";
import { formatDay } from "@/lib/format";
import { formatMoney, toDecimalString } from "@/lib/money";
import { isAdmin } from "@/lib/services/actor";
import { timezoneOf } from "@/lib/services/entry-input";
import { EXPENSE_LIST_LIMIT, listExpenseCategories, listExpenses, listExpenseTaxRates } from "@/lib/services/expenses";
import { listProjects } from "@/lib/services/projects";
import { dateKey } from "@/lib/time/tz";
import { ZExpenseFilter } from "@/lib/validation/expenses";
import { ExpenseFields, type ExpenseFieldLabels } from "./_components/expense-fields";
import { createExpenseAction, deleteExpenseAction, updateExpenseAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Expenses"))("title") };
}

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const CATEGORIES = "expense-categories";
/** What /expenses/[id]/receipt reports back in ?receipt=. */
const RECEIPT_OUTCOMES = ["saved", "too_big", "wrong_type", "missing", "not_found"] as const;

export default async function ExpensesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await userOrRedirect();
  const t = await getTranslations("Expenses");
  const sp = await searchParams;
  const filter = ZExpenseFilter.parse(sp);
  const [{ expenses, totals, truncated }, projects, taxRates, categories, tz] = await Promise.all([
    listExpenses(user, filter),
    listProjects(user),
    listExpenseTaxRates(user),
    listExpenseCategories(user),
    timezoneOf(user.id),
  ]);
  const admin = isAdmin(user);
  const filtered = Boolean(filter.projectId || filter.from || filter.to);
  const receiptOutcome = RECEIPT_OUTCOMES.find((o) => o === sp.receipt);
  const projectOptions = projects.map((p) => ({ value: p.id, label: `${p.clientName} · ${p.name}` }));
  const taxOptions = taxRates.map((r) => ({ value: r.id, label: `${r.name} (${r.rateBp / 100} %)` }));
  const labels: ExpenseFieldLabels = {
    date: t("date"),
    project: t("project"),
    chooseProject: t("chooseProject"),
    category: t("category"),
    categoryHint: t("categoryHint"),
    description: t("description"),
    amount: t("amount"),
    amountHint: t("amountHint"),
    taxRate: t("taxRate"),
    noTax: t("noTax"),
    billable: t("billable"),
  };
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="expenses-h" className="flex flex-col gap-3">
        <h1 id="expenses-h" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
        {receiptOutcome && (
          <p
            role={receiptOutcome === "saved" ? "status" : "alert"}
            className={`text-sm ${receiptOutcome === "saved" ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-400"}`}
          >
            {t(`receipt_${receiptOutcome}`)}
          </p>
        )}
        <datalist id={CATEGORIES}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        {projects.length === 0 ? (
          <p className="text-sm">{t("noProjects")}</p>
        ) : (
          <section
            aria-labelledby="new-expense-h"
            className="rounded-lg border border-slate-200 p-4 dark:border-slate-700"
          >
            <h2 id="new-expense-h" className="mb-3 text-lg font-semibold">
              {t("newTitle")}
            </h2>
            <ActionForm
              action={createExpenseAction}
              submitLabel={t("save")}
              successMessage={t("saved")}
              resetOnSuccess
              testId="expense-form"
            >
              <ExpenseFields
                labels={labels}
                projects={projectOptions}
                taxRates={taxOptions}
                categoriesListId={CATEGORIES}
                values={{
                  date: dateKey(new Date(), tz),
                  projectId: filter.projectId ?? "",
                  category: "",
                  description: "",
                  amount: "",
                  taxRateId: "",
                  billable: true,
                }}
              />
            </ActionForm>
          </section>
        )}
      </section>
      <section aria-label={t("caption")} className="flex flex-col gap-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filterLabel")}>
          <label className="flex flex-col text-sm">
            {t("project")}
            <select name="projectId" defaultValue={filter.projectId ?? ""} className={CONTROL}>
              <option value="">{t("anyProject")}</option>
              {projectOptions.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t("from")}
            <input type="date" name="from" defaultValue={filter.from ?? ""} className={CONTROL} />
          </label>
          <label className="flex flex-col text-sm">
            {t("to")}
            <input type="date" name="to" defaultValue={filter.to ?? ""} className={CONTROL} />
          </label>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">
            {t("filter")}
          </button>
          {filtered && (
            <Link href="/expenses" className="text-sm text-blue-700 hover:underline dark:text-blue-400">
              {t("clear")}
            </Link>
          )}
        </form>
        {totals.length > 0 && (
          <dl className="flex flex-wrap gap-6" aria-label={t("totalsLabel")}>
            {totals.map((s) => (
              <div key={s.currency}>
                <dt className="text-xs text-slate-600 dark:text-slate-300">{t("total", { currency: s.currency })}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid={`expense-total-${s.currency}`}>
                  {formatMoney(s.amountMinor, s.currency)}
                  <span className="ml-2 text-sm font-normal">
                    {t("billableTotal", { amount: formatMoney(s.billableMinor, s.currency) })}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        )}
        {truncated && <p className="text-sm">{t("truncated", { count: EXPENSE_LIST_LIMIT })}</p>}
        {expenses.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{filtered ? t("emptyFiltered") : t("emptyBody")}</EmptyState>
        ) : (
          <Table
            caption={t("caption")}
            testId="expense-list"
            // The box holds the sr-only "Actions" header (absolutely positioned): without it, that
            // header sits beyond the scroll box and widens the page on a phone.
            className="relative"
            columns={[
              t("colDate"),
              t("colProject"),
              t("colCategory"),
              t("colDescription"),
              admin && t("colBy"),
              t("colTax"),
              { label: t("colAmount"), className: "pr-4 text-right" },
              t("colStatus"),
              { label: t("colActions"), srOnly: true },
            ]}
          >
            {expenses.map((e) => (
              <tr key={e.id} className="border-t border-slate-200 align-top dark:border-slate-700">
                <td className="py-2 pr-4 whitespace-nowrap">{formatDay(e.date)}</td>
                <td className="max-w-48 truncate pr-4" title={`${e.clientName} · ${e.projectName}`}>
                  {e.projectName}
                </td>
                <td className="pr-4">{e.category}</td>
                <td className="max-w-64 truncate pr-4" title={e.description}>
                  {e.description}
                </td>
                {admin && <td className="pr-4">{e.userName}</td>}
                <td className="pr-4 whitespace-nowrap">{e.taxName ? `${e.taxName} (${e.taxRateBp / 100} %)` : "—"}</td>
                <td className="pr-4 text-right tabular-nums whitespace-nowrap">
                  {formatMoney(e.amountMinor, e.currency)}
                </td>
                <td className="pr-4 text-xs whitespace-nowrap">
                  {!e.billable
                    ? t("notBillable")
                    : e.invoiceNumber
                      ? t("billedOn", { number: e.invoiceNumber })
                      : t("unbilled")}
                  {e.hasReceipt && (
                    <a
                      href={`/expenses/${e.id}/receipt`}
                      className="ml-2 text-blue-700 hover:underline dark:text-blue-400"
                      download
                    >
                      {t("receipt")}
                    </a>
                  )}
                </td>
                <td className="py-1">
                  {!e.invoiceId && (
                    <div className="flex flex-wrap items-start gap-2">
                      <details className="group">
                        <summary className="cursor-pointer rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600">
                          {t("edit")}
                        </summary>
                        <div className="mt-2 w-[min(40rem,80vw)] rounded-md border border-slate-200 p-3 dark:border-slate-700">
                          <h3 className="mb-2 font-medium">{t("editTitle", { date: formatDay(e.date) })}</h3>
                          <ActionForm
                            action={updateExpenseAction}
                            submitLabel={t("update")}
                            successMessage={t("updated")}
                          >
                            <input type="hidden" name="id" value={e.id} />
                            <ExpenseFields
                              labels={labels}
                              projects={projectOptions}
                              taxRates={taxOptions}
                              categoriesListId={CATEGORIES}
                              values={{
                                date: e.date,
                                projectId: e.projectId,
                                category: e.category,
                                description: e.description,
                                amount: toDecimalString(e.amountMinor, e.currency),
                                taxRateId: e.taxRateId ?? "",
                                billable: e.billable,
                              }}
                            />
                          </ActionForm>
                          <form
                            method="post"
                            action={`/expenses/${e.id}/receipt`}
                            encType="multipart/form-data"
                            className="mt-3 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3 dark:border-slate-700"
                          >
                            <label className="flex flex-col text-sm">
                              {t("receiptFile")}
                              <input
                                type="file"
                                name="receipt"
                                required
                                accept="image/png,image/jpeg,image/webp,application/pdf,.png,.jpg,.jpeg,.webp,.pdf"
                              />
                            </label>
                            <button
                              type="submit"
                              className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
                            >
                              {t("uploadReceipt")}
                            </button>
                          </form>
                        </div>
                      </details>
                      <ActionButton
                        action={deleteExpenseAction}
                        fields={{ id: e.id }}
                        label={t("delete")}
                        variant="danger"
                        confirm={t("confirmDelete")}
                      />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
