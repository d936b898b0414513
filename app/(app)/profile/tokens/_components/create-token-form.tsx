"use client";
// Creates a personal access token and shows its secret ONCE, with a copy button: it is stored
// hashed, so it cannot be shown again.
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { SecretOnce } from "@/components/ui/secret-once";
import { FieldErrorsProvider, SelectField, TextField } from "@/components/ui/field";
import { API_SCOPES, TOKEN_EXPIRY_DAYS } from "@/lib/validation/choices";
import { createApiTokenAction } from "../actions";

export function CreateTokenForm({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("Tokens");
  const [state, run, pending] = useActionState(createApiTokenAction, null);
  const prefix = useId().replace(/:/g, "");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  // Administrators' scopes (the admin routes, invoices) are offered to administrators only.
  const scopes = API_SCOPES.filter((s) => isAdmin || (s !== "admin" && !s.startsWith("invoices:")));
  return (
    <FieldErrorsProvider errors={errors} prefix={prefix}>
      <form
        className="flex flex-col gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => run(data));
        }}
      >
        <TextField label={t("name")} name="name" required maxLength={80} placeholder={t("namePlaceholder")} />
        <fieldset className="flex flex-col gap-1" aria-describedby={`${prefix}-scopes-error`}>
          <legend className="text-sm font-medium">{t("scopes")}</legend>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            {scopes.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={s} defaultChecked={s.endsWith(":read")} />
                <code>{s}</code>
              </label>
            ))}
          </div>
          <p id={`${prefix}-scopes-error`} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
            {errors.scopes?.join(" ")}
          </p>
        </fieldset>
        <SelectField
          label={t("expires")}
          name="expiresIn"
          defaultValue="90"
          options={TOKEN_EXPIRY_DAYS.map((v) => ({ value: v, label: t("expiry", { days: v }) }))}
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("creating") : t("create")}
          </Button>
        </div>
        <p role="status" aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
          {state && !state.ok && !state.fieldErrors ? state.error.message : ""}
        </p>
      </form>
      {state?.ok && (
        <div className="mt-4" data-testid="new-token">
          <SecretOnce
            key={state.data.secret}
            title={t("created", { name: state.data.name })}

            secret={state.data.secret}
            testId="token-secret"
          />
        </div>
      )}
    </FieldErrorsProvider>
  );
}
