// Invoice settings (admins): the seller's details printed on invoices, numbering and defaults, named
// tax rates, and each client's currency and tax id.
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { adminOrForbidden } from "@/lib/auth/session";
import { listClients } from "@/lib/services/clients";
import { getInvoiceSettings, listTaxRates } from "@/lib/services/invoice-settings";
import { getOrgSettings } from "@/lib/services/settings";
import {
  archiveTaxRateAction,
  createTaxRateAction,
  removeInvoiceLogoAction,
  updateClientBillingAction,
  updateInvoiceSettingsAction,
} from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("InvoiceSettings"))("title") };
}

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

const LOGO_OUTCOMES = ["saved", "too_big", "too_large", "wrong_type", "unreadable", "missing"] as const;

export default async function InvoiceSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await adminOrForbidden();
  const t = await getTranslations("InvoiceSettings");
  const { logo } = await searchParams;
  const logoOutcome = LOGO_OUTCOMES.find((o) => o === logo);
  const [s, taxes, clients, org] = await Promise.all([
    getInvoiceSettings(user),
    listTaxRates(user, { includeArchived: true }),
    listClients(user),
    getOrgSettings(),
  ]);
  const text = (name: keyof typeof s, label: string, rows = 0) => (
    <label className="flex flex-col text-sm">
      {label}
      {rows ? (
        <textarea name={name} rows={rows} defaultValue={String(s[name])} className={CONTROL} />
      ) : (
        <input name={name} defaultValue={String(s[name])} className={CONTROL} />
      )}
    </label>
  );
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="seller-h">
        <h1 id="seller-h" className="mb-4 text-2xl font-semibold">
          {t("title")}
        </h1>
        <ActionForm action={updateInvoiceSettingsAction} submitLabel={t("save")} successMessage={t("saved")}>
          {text("legalName", t("legalName", { name: org.name }))}
          {text("address", t("address"), 3)}
          {text("taxId", t("taxId"))}
          {text("paymentDetails", t("paymentDetails"), 3)}
          {text("footerNote", t("footerNote"), 2)}
          {text("numberPattern", t("numberPattern"))}
          <label className="flex flex-col text-sm">
            {t("dueDays")}
            <input name="dueDays" type="number" min={0} max={365} defaultValue={s.dueDays} className={CONTROL} />
          </label>
          <label className="flex flex-col text-sm">
            {t("priceMode")}
            <select name="priceMode" defaultValue={s.priceMode} className={CONTROL}>
              <option value="net">{t("priceNet")}</option>
              <option value="gross">{t("priceGross")}</option>
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t("rounding")}
            <select
              name="rounding"
              defaultValue={s.rounding === "half-even" ? "half_even" : "half_up"}
              className={CONTROL}
            >
              <option value="half_up">{t("roundHalfUp")}</option>
              <option value="half_even">{t("roundHalfEven")}</option>
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t("paper")}
            <select name="paperSize" defaultValue={s.paperSize} className={CONTROL}>
              <option value="A4">A4</option>
              <option value="Letter">Letter</option>
            </select>
          </label>
        </ActionForm>
      </section>
      <div className="flex flex-col gap-8">
        <section aria-labelledby="logo-h" className="flex flex-col gap-2">
          <h2 id="logo-h" className="text-xl font-semibold">
            {t("logoTitle")}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("logoIntro")}</p>
          {logoOutcome && (
            <p
              role={logoOutcome === "saved" ? "status" : "alert"}
              data-testid="logo-outcome"
              className={`text-sm ${logoOutcome === "saved" ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-400"}`}
            >
              {t(`logo_${logoOutcome}`)}
            </p>
          )}
          {s.hasLogo ? (
            <div className="flex flex-wrap items-center gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- an admin-only image route, not a static asset */}
              <img
                src={`/invoices/settings/logo?v=${s.logoVersion}`}
                alt={t("logoCurrent")}
                className="max-h-16 max-w-48 rounded border border-slate-200 bg-white p-1 dark:border-slate-700"
              />
              <ActionButton
                action={removeInvoiceLogoAction}
                fields={{}}
                label={t("logoRemove")}
                variant="danger"
                confirm={t("logoRemoveConfirm")}
              />
            </div>
          ) : (
            <p className="text-sm">{t("logoNone")}</p>
          )}
          <form
            method="post"
            action="/invoices/settings/logo"
            encType="multipart/form-data"
            className="flex flex-wrap items-end gap-2"
            data-testid="logo-form"
          >
            <label className="flex flex-col text-sm">
              {t("logoFile")}
              <input type="file" name="logo" required accept="image/png,image/jpeg,.png,.jpg,.jpeg" />
            </label>
            <button
              type="submit"
              className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
            >
              {s.hasLogo ? t("logoReplace") : t("logoUpload")}
            </button>
          </form>
        </section>
        <section aria-labelledby="taxes-h">
          <h2 id="taxes-h" className="mb-2 text-xl font-semibold">
            {t("taxesTitle")}
          </h2>
          {taxes.length === 0 ? (
            <p className="mb-2 text-sm">{t("taxesNone")}</p>
          ) : (
            <ul className="mb-3 flex flex-col gap-1 text-sm">
              {taxes.map((r) => (
                <li key={r.id} className="flex items-center gap-2">
                  <span className={r.archived ? "line-through" : ""}>
                    {t("taxLine", { name: r.name, rate: r.rateBp / 100 })}
                    {r.isDefault && t("taxDefault")}
                  </span>
                  <ActionButton
                    action={archiveTaxRateAction}
                    fields={{ id: r.id, archived: String(!r.archived) }}
                    label={r.archived ? t("restore") : t("archive")}
                  />
                </li>
              ))}
            </ul>
          )}
          <ActionForm action={createTaxRateAction} submitLabel={t("addTaxRate")} resetOnSuccess testId="tax-rate-form">
            <label className="flex flex-col text-sm">
              {t("taxName")}
              <input name="name" required maxLength={60} className={CONTROL} placeholder={t("taxNamePlaceholder")} />
            </label>
            <label className="flex flex-col text-sm">
              {t("taxRate")}
              <input
                name="ratePercent"
                required
                inputMode="decimal"
                className={CONTROL}
                placeholder={t("taxRatePlaceholder")}
              />
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="isDefault" /> {t("taxIsDefault")}
            </label>
          </ActionForm>
        </section>
        <section aria-labelledby="client-billing-h">
          <h2 id="client-billing-h" className="mb-2 text-xl font-semibold">
            {t("clientsTitle")}
          </h2>
          {clients.length === 0 && <p className="text-sm">{t("clientsNone")}</p>}
          {clients.map((c) => (
            <ActionForm
              key={c.id}
              action={updateClientBillingAction}
              submitLabel={t("saveClient", { name: c.name })}
              className="mb-3 flex flex-wrap items-end gap-2"
            >
              <input type="hidden" name="id" value={c.id} />
              <span className="w-full text-sm font-medium">{c.name}</span>
              <label className="flex flex-col text-sm">
                {t("clientCurrency", { currency: org.currency })}
                <input
                  name="currency"
                  defaultValue={c.currency ?? ""}
                  maxLength={3}
                  className={`${CONTROL} w-24 uppercase`}
                />
              </label>
              <label className="flex flex-col text-sm">
                {t("clientTaxId")}
                <input name="taxId" defaultValue={c.taxId} maxLength={60} className={CONTROL} />
              </label>
            </ActionForm>
          ))}
        </section>
      </div>
    </div>
  );
}
