// "New password" and "Repeat new password", shared by the profile's change-password form and the
// admin's reset-password form. Errors come from the surrounding FieldErrorsProvider.
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";

export function NewPasswordFields({ rule }: { rule: string }) {
  const t = useTranslations("NewPassword");
  return (
    <>
      <TextField
        label={t("newPassword")}
        name="newPassword"
        type="password"
        required
        autoComplete="new-password"
        hint={t("hint", { rule })}
      />
      <TextField
        label={t("repeat")}

        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
      />
    </>
  );
}
