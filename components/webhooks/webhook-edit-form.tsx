"use client";
// Edits an endpoint's URL, description and events in place; its signing secret stays the same.
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrorsProvider } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { WebhookFields } from "./webhook-fields";

export type EditWebhookAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export function WebhookEditForm({
  action,
  endpoint,
}: {
  action: EditWebhookAction;
  endpoint: { id: string; url: string; description: string; events: string[] };
}) {
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
        <input type="hidden" name="id" value={endpoint.id} />
        <WebhookFields prefix={prefix} eventErrors={errors.events} initial={endpoint} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("saveChanges")}
          </Button>
          <p role="status" aria-live="polite" className="text-sm">
            {state?.ok ? (
              t("saved")
            ) : state && !Object.keys(errors).length ? (
              <span className="text-red-700 dark:text-red-400">{state.error.message}</span>
            ) : (
              ""
            )}
          </p>
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
