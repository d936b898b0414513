// Username, name and password of a new account (invitation and sign-up forms).
import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { TextField } from "@/components/ui/field";

export function AccountFields({ rule }: { rule: string }) {
  const t = useTranslations("Auth");
  return (
    <>
      <TextField label={t("username")} name="username" required autoComplete="username" hint={t("usernameHint")} />
      <TextField label={t("fullNameOptional")} name="fullName" autoComplete="name" />

      <NewPasswordFields rule={rule} />
    </>
  );
}
