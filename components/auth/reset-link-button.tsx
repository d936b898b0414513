"use client";
// Admin: makes a one-time password reset link for an account and shows it to copy.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { CopyLink } from "./copy-link";

type LinkAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ path: string }>>;

export function ResetLinkButton({ action, id, hours }: { action: LinkAction; id: string; hours: number }) {
  const t = useTranslations("ResetLink");
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} className="flex flex-col items-start gap-2">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro", { hours: String(hours) })}</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("creating") : t("create")}
      </Button>
      {state?.ok && (
        <div className="w-full">
          <CopyLink url={`${window.location.origin}${state.data.path}`} label={t("link")} />
        </div>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error.message}
        </p>
      )}
    </form>
  );
}
