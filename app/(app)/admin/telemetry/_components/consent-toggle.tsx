"use client";
// An on/off switch that asks for confirmation before it changes anything.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type ToggleAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ enabled: boolean }>>;

export function ConsentToggle({
  action,
  enabled,
  label,
  confirmOn,
  confirmOff,
  testId,
}: {
  action: ToggleAction;
  enabled: boolean;
  label: string;
  confirmOn: string;
  confirmOff: string;
  testId: string;
}) {
  const t = useTranslations("AdminTelemetry");
  const [state, formAction, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState(false);
  const next = !enabled;
  return (
    <form
      action={formAction}
      onSubmit={() => setConfirming(false)}
      className="flex flex-col gap-2"
      data-testid={testId}
    >
      <input type="hidden" name="enabled" value={String(next)} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-label={label}
          onClick={() => setConfirming(true)}
          disabled={pending || confirming}
          className={`relative h-6 w-11 rounded-full transition-colors ${enabled ? "bg-blue-600" : "bg-slate-400"} disabled:opacity-60`}
        >
          <span
            className={`absolute top-0.5 h-5 w-5 rounded-full bg-white transition-all ${enabled ? "left-5" : "left-0.5"}`}
          />
        </button>
        <span className="text-sm font-medium">{t("state", { label, on: String(enabled) })}</span>
      </div>
      {confirming && (
        <div
          role="group"
          aria-label={t("confirm", { label })}
          className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950"
        >
          <span>{next ? confirmOn : confirmOff}</span>
          <Button type="submit" disabled={pending} autoFocus>
            {next ? t("yesOn") : t("yesOff")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </div>
      )}
      <p aria-live="polite" role="status" className="text-sm">
        {state?.ok ? t("saved", { on: String(state.data.enabled) }) : state && !state.ok ? state.error.message : ""}
      </p>
    </form>
  );
}
