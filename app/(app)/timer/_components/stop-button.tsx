"use client";
// Stops the running timer from the timer page.
import { useTranslations } from "next-intl";
import { useActionCall } from "@/components/forms/use-action-call";
import { Button } from "@/components/ui/button";
import { stopTimerAction } from "../actions";

export function StopButton() {
  const t = useTranslations("Timer");
  const { pending, message, call } = useActionCall();
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="danger" disabled={pending} onClick={() => call(() => stopTimerAction({}))}>
        {t("stopTimer")}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-red-700">
        {message}
      </span>
    </span>
  );
}
