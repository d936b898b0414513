"use client";
// A one-button form for row actions (archive, duplicate, delete). With `confirm`, the first press
// asks again inline ("Really delete?") so nothing is destroyed by a single stray click.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { FormAction } from "./action-form";

export function ActionButton({
  action,
  fields,
  label,
  confirm,
  variant = "secondary",
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  confirm?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const t = useTranslations("ActionButton");
  const cancel = useTranslations("Common")("cancel");
  const [state, run, pending] = useActionState(action, null);
  const [asking, setAsking] = useState(false);
  const hidden = Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
  return (
    <form action={run} className="inline-flex items-center gap-2" onSubmit={() => setAsking(false)}>
      {hidden}
      {confirm && !asking ? (
        <Button type="button" variant={variant} className="px-2 py-1" onClick={() => setAsking(true)}>
          {label}
        </Button>
      ) : confirm ? (
        <span role="group" aria-label={confirm} className="inline-flex items-center gap-1 text-sm">
          {confirm}
          <Button type="submit" variant="danger" className="px-2 py-1" disabled={pending} autoFocus>
            {t("confirmYes", { action: label.toLowerCase() })}
          </Button>
          <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => setAsking(false)}>
            {cancel}
          </Button>
        </span>
      ) : (
        <Button type="submit" variant={variant} className="px-2 py-1" disabled={pending}>
          {label}
        </Button>
      )}
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error.message}
        </span>
      )}
    </form>
  );
}

/** The row action that deletes one record, always behind the inline confirmation: `confirm` is the
 * whole question from the caller's catalog; `what` (a noun, English only) is the older form. */
export function DeleteButton({
  action,
  id,
  what,
  confirm,
}: {
  action: FormAction;
  id: string;
  what?: string;
  confirm?: string;
}) {
  const t = useTranslations("ActionButton");
  return (
    <ActionButton
      action={action}
      fields={{ id }}
      label={t("delete")}
      variant="danger"
      confirm={confirm ?? t("deleteConfirm", { what: what ?? "" })}
    />
  );
}
