"use client";
// Admin: invite an address. Afterwards the link is shown to copy, and whether it was mailed.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrorsProvider, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { CopyLink } from "./copy-link";

type InviteAction = (
  prev: unknown,
  form: FormData,
) => Promise<ActionResult<{ path: string; emailed: boolean; mailError?: string }>>;

export function InviteForm({ action, mailReady }: { action: InviteAction; mailReady: boolean }) {
  const t = useTranslations("InviteForm");
  const ta = useTranslations("Admin");
  const [state, run, pending] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <FieldErrorsProvider errors={errors} prefix="invite">
      <form action={run} className="flex flex-col gap-3">
        <TextField label={t("email")} name="email" type="email" required autoComplete="off" />
        <SelectField
          label={t("role")}
          name="role"
          defaultValue="user"
          options={[
            { value: "user", label: ta("role", { role: "user" }) },
            { value: "admin", label: ta("role", { role: "admin" }) },
          ]}
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("inviting") : mailReady ? t("send") : t("createLink")}
          </Button>
        </div>
        <div role="status" aria-live="polite" className="text-sm">
          {state?.ok && (
            <div className="flex flex-col gap-2">
              <p
                className={
                  state.data.emailed ? "text-green-800 dark:text-green-300" : "text-amber-800 dark:text-amber-200"
                }
              >
                {state.data.emailed
                  ? t("sent")
                  : state.data.mailError
                    ? t("mailFailed", { error: state.data.mailError })
                    : t("noMail")}
              </p>
              <CopyLink url={`${window.location.origin}${state.data.path}`} label={t("link")} />
            </div>
          )}
          {state && !state.ok && !state.fieldErrors && (
            <p className="text-red-700 dark:text-red-400">{state.error.message}</p>
          )}
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
