"use client";
// New webhook endpoint: URL, description, events. On success the signing secret is shown once,
// with a copy button; it cannot be read again afterwards.
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { SecretOnce } from "@/components/ui/secret-once";
import { FieldErrorsProvider } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { WebhookFields } from "./webhook-fields";

type CreateAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string; secret: string }>>;

export function WebhookCreateForm({ action, scope }: { action: CreateAction; scope: "own" | "organization" }) {
  const t = useTranslations("Webhooks");
  const [state, run, pending] = useActionState(action, null);
  const prefix = useId().replace(/:/g, "");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
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
        <input type="hidden" name="scope" value={scope} />
        <WebhookFields prefix={prefix} eventErrors={errors.events} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t("adding") : t("add")}
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
            {state && !state.ok && !Object.keys(errors).length ? state.error.message : ""}
          </p>
        </div>
        {state?.ok && (
          <SecretOnce key={state.data.secret} title={t("added")} secret={state.data.secret} testId="webhook-secret">
            <p className="mt-2 text-slate-600 dark:text-slate-400">
              {t.rich("secretHint", { code: (chunks) => <code>{chunks}</code> })}
            </p>
          </SecretOnce>
        )}
      </form>
    </FieldErrorsProvider>
  );
}
