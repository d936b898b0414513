"use client";
// Sets a new password for an account; its sessions end.
import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { ActionForm } from "@/components/forms/action-form";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ id, rule }: { id: string; rule: string }) {
  const t = useTranslations("AdminUsers");
  return (
    <ActionForm
      action={resetPasswordAction}
      className="flex flex-col gap-4"
      submitLabel={t("setPassword")}
      pendingLabel={t("setting")}
      variant="secondary"
      successMessage={t("passwordSet")}

      quietOnFieldErrors
      resetOnSuccess
    >
      <input type="hidden" name="id" value={id} />
      <NewPasswordFields rule={rule} />
    </ActionForm>
  );
}
