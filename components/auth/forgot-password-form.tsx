"use client";
// Asks for a reset link. The answer is the same whether or not the address has an account.
import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";

export function ForgotPasswordForm({ action, minutes }: { action: FormAction; minutes: number }) {
  const t = useTranslations("ForgotPassword");
  const ta = useTranslations("Auth");
  return (
    <ActionForm
      action={action}
      className="flex flex-col gap-4"
      submitLabel={t("send")}
      pendingLabel={ta("sending")}
      successMessage={t("sent", { minutes: String(minutes) })}
    >
      <TextField label={ta("email")} name="email" type="email" required autoComplete="email" autoFocus />
    </ActionForm>
  );
}
