"use client";
// Changes the password. Every session ends on success, this one too, so the user signs in again.
import { useTranslations } from "next-intl";
import { signOut } from "@/components/auth/auth-client";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "../actions";

export function PasswordForm({ rule }: { rule: string }) {
  const t = useTranslations("Profile");
  return (
    <ActionForm
      action={changePasswordAction}
      className="flex flex-col gap-4"
      submitLabel={t("changePassword")}
      pendingLabel={t("changing")}
      successMessage={t("passwordChanged")}
      quietOnFieldErrors
      onSuccess={() => void signOut({ callbackUrl: "/login?notice=password-changed" })}
    >
      <TextField
        label={t("currentPassword")}

        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
      />
      <NewPasswordFields rule={rule} />
    </ActionForm>
  );
}
