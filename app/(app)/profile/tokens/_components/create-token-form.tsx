"use client";
// Creates a personal access token and shows its secret ONCE, with a copy button: it is stored
// hashed, so it cannot be shown again.
import { startTransition, useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { SecretOnce } from "@/components/ui/secret-once";
import { FieldErrorsProvider, SelectField, TextField } from "@/components/ui/field";
import { API_SCOPES, TOKEN_EXPIRY_DAYS } from "@/lib/validation/choices";
import { createApiTokenAction } from "../actions";

const EXPIRY_LABEL: Record<(typeof TOKEN_EXPIRY_DAYS)[number], string> = {
  "7": "In 7 days",
  "30": "In 30 days",
  "90": "In 90 days",
  "365": "In one year",
  never: "Never",
};

export function CreateTokenForm({ isAdmin }: { isAdmin: boolean }) {
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
        <TextField label="Name" name="name" required maxLength={80} placeholder="e.g. Invoicing script" />
        <fieldset className="flex flex-col gap-1" aria-describedby={`${prefix}-scopes-error`}>
          <legend className="text-sm font-medium">Scopes</legend>
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
          label="Expires"
          name="expiresIn"
          defaultValue="90"
          options={TOKEN_EXPIRY_DAYS.map((v) => ({ value: v, label: EXPIRY_LABEL[v] }))}
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create token"}
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
            title={`Token “${state.data.name}” created. Copy it now: it will not be shown again.`}
            secret={state.data.secret}
            testId="token-secret"
          />
        </div>
      )}
    </FieldErrorsProvider>
  );
}
