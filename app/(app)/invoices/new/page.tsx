// New invoice (admins): choose client, period, projects and grouping; the page shows the preview
// (lines, taxes, totals) computed by the same service that creates the draft, then "Create draft".
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { InvoiceLinesTable } from "@/components/invoices/lines-table";
import { EmptyState } from "@/components/ui/empty-state";
import { adminOrForbidden } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listClients } from "@/lib/services/clients";
import { listTaxRates } from "@/lib/services/invoice-settings";
import { previewInvoice, type InvoicePreview } from "@/lib/services/invoices";
import { listProjects } from "@/lib/services/projects";
import { EXPENSE_GROUPING } from "@/lib/validation/expenses";
import { GROUP_BY } from "@/lib/validation/invoices";
import { createInvoiceAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("NewInvoice"))("title") };
}

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

export default async function NewInvoicePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await adminOrForbidden();
  const t = await getTranslations("NewInvoice");
  const q = await searchParams;
  const one = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : "");
  const projectIds = ([] as string[]).concat(q.projectIds ?? []).filter(Boolean);
  const [clients, projects, taxes] = await Promise.all([listClients(user), listProjects(user), listTaxRates(user)]);
  const clientId = one("clientId");
  const draft = {
    clientId,
    from: one("from"),
    to: one("to"),
    projectIds,
    groupBy: (GROUP_BY as readonly string[]).includes(one("groupBy"))
      ? (one("groupBy") as (typeof GROUP_BY)[number])
      : "project",
    taxRateId: one("taxRateId"),
    reverseCharge: one("reverseCharge") === "on",
    // Ticked by default: the first visit (no client chosen yet) shows the box ticked.
    includeExpenses: !clientId || one("includeExpenses") === "on",
    expenseGrouping: one("expenseGrouping") === "category" ? ("category" as const) : ("expense" as const),
  };
  let preview: InvoicePreview | null = null;
  let problem = "";
  if (clientId) {
    try {
      preview = await previewInvoice(user, draft);
    } catch (err) {
      if (err instanceof AppError) problem = err.message;
      else if (err instanceof Error && err.name === "ZodError") problem = t("checkInput");
      else throw err;
    }
  }
  const clientProjects = projects.filter((p) => !clientId || p.clientId === clientId);
  return (
    <section aria-labelledby="new-invoice-h" className="flex flex-col gap-6">
      <h1 id="new-invoice-h" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("formLabel")}>
        <label className="flex flex-col text-sm">
          {t("client")}
          <select name="clientId" defaultValue={clientId} className={CONTROL} required>
            <option value="">{t("chooseClient")}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("from")}
          <input type="date" name="from" defaultValue={draft.from} className={CONTROL} required />
        </label>
        <label className="flex flex-col text-sm">
          {t("to")}
          <input type="date" name="to" defaultValue={draft.to} className={CONTROL} required />
        </label>
        <label className="flex flex-col text-sm">
          {t("groupBy")}
          <select name="groupBy" defaultValue={draft.groupBy} className={CONTROL}>
            {GROUP_BY.map((g) => (
              <option key={g} value={g}>
                {t(`group_${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("taxOnTime")}
          <select name="taxRateId" defaultValue={draft.taxRateId} className={CONTROL}>
            <option value="">{t("defaultRate")}</option>
            {taxes.map((r) => (
              <option key={r.id} value={r.id}>
                {t("taxOption", { name: r.name, rate: r.rateBp / 100 })}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="reverseCharge" defaultChecked={draft.reverseCharge} />
          {t("reverseCharge")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="includeExpenses" defaultChecked={draft.includeExpenses} />
          {t("includeExpenses")}
        </label>
        <label className="flex flex-col text-sm">
          {t("expenseLines")}
          <select name="expenseGrouping" defaultValue={draft.expenseGrouping} className={CONTROL}>
            {EXPENSE_GROUPING.map((g) => (
              <option key={g} value={g}>
                {t(`expense_${g}`)}
              </option>
            ))}
          </select>
        </label>
        {clientProjects.length > 0 && (
          <fieldset className="text-sm sm:col-span-2 lg:col-span-3">
            <legend>{t("projects")}</legend>
            <div className="flex flex-wrap gap-3">
              {clientProjects.map((p) => (
                <label key={p.id} className="flex items-center gap-1">
                  <input type="checkbox" name="projectIds" value={p.id} defaultChecked={projectIds.includes(p.id)} />
                  {p.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600">
            {t("preview")}
          </button>
        </div>
      </form>
      {problem && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      {!clientId && <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>}
      {preview && (
        <section aria-labelledby="preview-h" className="flex flex-col gap-3">
          <h2 id="preview-h" className="text-xl font-semibold">
            {t("previewTitle", {
              client: preview.clientName,
              entries: preview.entryCount,
              expenses: preview.expenseCount,
              currency: preview.currency,
            })}
          </h2>
          <InvoiceLinesTable lines={preview.lines} totals={preview.totals} currency={preview.currency} />
          <ActionForm action={createInvoiceAction} submitLabel={t("createDraft")} testId="create-invoice-form">
            <input type="hidden" name="clientId" value={draft.clientId} />
            <input type="hidden" name="from" value={draft.from} />
            <input type="hidden" name="to" value={draft.to} />
            <input type="hidden" name="groupBy" value={draft.groupBy} />
            <input type="hidden" name="taxRateId" value={draft.taxRateId} />
            {draft.reverseCharge && <input type="hidden" name="reverseCharge" value="on" />}
            <input type="hidden" name="expectedEntries" value={String(preview.entryCount)} />
            <input type="hidden" name="includeExpenses" value={draft.includeExpenses ? "on" : "false"} />
            <input type="hidden" name="expenseGrouping" value={draft.expenseGrouping} />
            <input type="hidden" name="expectedExpenses" value={String(preview.expenseCount)} />
            {projectIds.map((id) => (
              <input key={id} type="hidden" name="projectIds" value={id} />
            ))}
            <label className="flex flex-col text-sm">
              {t("notes")}
              <textarea name="notes" rows={2} className={CONTROL} maxLength={2000} />
            </label>
          </ActionForm>
        </section>
      )}
      <Link href="/invoices" className="text-sm text-blue-700 hover:underline dark:text-blue-400">
        {t("back")}
      </Link>
    </section>
  );
}
