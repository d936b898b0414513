"use client";
// Enrolment: a fresh seed as a QR code and as text, then a current code from the app to confirm,
// then the recovery codes, once.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrorsProvider, TextField } from "@/components/ui/field";
import type { TwoFactorEnrolment } from "@/lib/services/two-factor";
import { confirmTwoFactorAction, startTwoFactorAction } from "../actions";
import { RecoveryCodes } from "./recovery-codes";

export function EnrolTwoFactor() {
  const t = useTranslations("TwoFactor");
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [startError, setStartError] = useState("");
  const [starting, setStarting] = useState(false);
  const [state, run, pending] = useActionState(confirmTwoFactorAction, null);
  const prefix = useId().replace(/:/g, "");

  async function start() {
    setStarting(true);
    setStartError("");
    const res = await startTwoFactorAction({}).catch(() => null);
    if (res?.ok) setEnrolment(res.data);
    else setStartError(res && !res.ok ? res.error.message : t("unreachable"));
    setStarting(false);
  }

  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} onDone={() => router.refresh()} />;

  if (!enrolment) {
    return (
      <div className="flex flex-col items-start gap-2">
        <Button type="button" onClick={() => void start()} disabled={starting}>
          {starting ? t("preparing") : t("setUp")}
        </Button>
        <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700 dark:text-red-400">
          {startError}
        </p>
      </div>
    );
  }

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <div className="flex flex-col gap-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
      <img
        src={enrolment.qr}
        alt={t("qrAlt")}
        width={192}
        height={192}
        className="rounded-md border border-slate-200 bg-white p-2 dark:border-slate-700"
      />
      <p className="text-sm">
        {t("key")}{" "}
        <code className="rounded bg-slate-100 px-2 py-1 break-all dark:bg-slate-800" data-testid="totp-secret">
          {enrolment.secret}
        </code>
      </p>
      <FieldErrorsProvider errors={errors} prefix={prefix}>
        <form
          className="flex max-w-xs flex-col gap-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            startTransition(() => run(data));
          }}
        >
          <TextField
            label={t("code")}
            name="code"
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
          />
          <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700 dark:text-red-400">
            {state && !state.ok && !state.fieldErrors ? state.error.message : ""}
          </p>
          <Button type="submit" disabled={pending}>
            {pending ? t("checking") : t("turnOn")}
          </Button>
        </form>
      </FieldErrorsProvider>
    </div>
  );
}
