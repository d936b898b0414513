"use client";
// Self-registration: with email, the address first (a link follows); without, everything at once.
import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { AccountFields } from "./account-fields";

export function RequestSignupForm({ action, days }: { action: FormAction; days: number }) {
  const t = useTranslations("SignUp");
  const ta = useTranslations("Auth");
  return (
    <ActionForm
      action={action}
      className="flex flex-col gap-4"
      submitLabel={t("sendLink")}
      pendingLabel={ta("sending")}
      successMessage={t("linkSent", { days: String(days) })}
    >
      <TextField label={ta("email")} name="email" type="email" required autoComplete="email" autoFocus />
    </ActionForm>
  );
}

export function SignUpForm({ action, rule }: { action: FormAction; rule: string }) {
  const ta = useTranslations("Auth");
  return (
    <ActionForm
      action={action}
      className="flex flex-col gap-4"
      submitLabel={ta("createAccount")}
      pendingLabel={ta("creating")}
    >
      <TextField label={ta("email")} name="email" type="email" required autoComplete="email" autoFocus />
      <AccountFields rule={rule} />
    </ActionForm>
  );
}
