"use client";
// Chooses the new password with a reset link's token; success goes to the login page.
import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { ActionForm, type FormAction } from "@/components/forms/action-form";

export function ResetPasswordForm({ action, token, rule }: { action: FormAction; token: string; rule: string }) {
  const t = useTranslations("ResetPassword");
  return (
    <ActionForm action={action} className="flex flex-col gap-4" submitLabel={t("submit")} pendingLabel={t("saving")}>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields rule={rule} />
    </ActionForm>
  );
}
