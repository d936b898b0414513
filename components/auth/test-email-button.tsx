"use client";
// "Send test email": one button; the outcome (sent to which address, or why not) is announced.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type TestEmailAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ sentTo: string }>>;

export function TestEmailButton({ action }: { action: TestEmailAction }) {
  const t = useTranslations("TestEmail");
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} className="flex flex-col items-start gap-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={`min-h-5 text-sm ${state && !state.ok ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}
      >
        {state?.ok ? t("sent", { to: state.data.sentTo }) : state ? state.error.message : ""}
      </p>
    </form>
  );
}
