"use client";
// With two-factor sign-in on: new recovery codes (password) and turning it off (password + code).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useId } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { FieldErrorsProvider, TextField } from "@/components/ui/field";
import { disableTwoFactorAction, regenerateRecoveryCodesAction } from "../actions";
import { RecoveryCodes } from "./recovery-codes";

export function RegenerateRecoveryCodes() {
  const t = useTranslations("TwoFactor");
  const router = useRouter();
  const [state, run, pending] = useActionState(regenerateRecoveryCodesAction, null);
  const prefix = useId().replace(/:/g, "");
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} onDone={() => router.refresh()} />;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
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
        <TextField label={t("password")} name="password" type="password" required autoComplete="current-password" />
        <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700 dark:text-red-400">
          {state && !state.ok && !state.fieldErrors ? state.error.message : ""}
        </p>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("makingCodes") : t("makeCodes")}
        </Button>
      </form>
    </FieldErrorsProvider>
  );
}

export function DisableTwoFactor() {
  const t = useTranslations("TwoFactor");
  const router = useRouter();
  return (
    <ActionForm
      action={disableTwoFactorAction}
      className="flex max-w-xs flex-col gap-3"
      submitLabel={t("turnOff")}
      pendingLabel={t("turningOff")}
      successMessage={t("turnedOff")}
      quietOnFieldErrors
      onSuccess={() => router.refresh()}
    >
      <TextField label={t("password")} name="password" type="password" required autoComplete="current-password" />
      <TextField
        label={t("codeOrRecovery")}

        name="code"
        required
        autoComplete="one-time-code"
        maxLength={40}
      />
    </ActionForm>
  );
}
