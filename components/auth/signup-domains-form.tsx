"use client";
// Admin: the email domains that may sign up themselves ("" = any), when self-registration is on.
import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";

export function SignupDomainsForm({ action, value }: { action: FormAction; value: string }) {
  const t = useTranslations("SignupDomains");
  return (
    <ActionForm action={action} submitLabel={t("save")} variant="secondary" successMessage={t("saved")}>
      <TextField
        label={t("label")}
        name="signupDomains"
        defaultValue={value.split(",").filter(Boolean).join(", ")}
        placeholder={t("placeholder")}
        hint={t("hint")}
      />
    </ActionForm>
  );
}
