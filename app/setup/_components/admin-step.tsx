// Step 2: the first administrator's account. Errors come from the wizard's FieldErrorsProvider.
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";

export function AdminStep({ values, passwordRule }: { values: Record<string, string>; passwordRule: string }) {
  const t = useTranslations("Setup");
  return (
    <>
      <TextField
        label={t("username")}
        name="username"
        required
        autoComplete="username"
        defaultValue={values.username}
        autoFocus
      />
      <TextField
        label={t("email")}
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={values.email}
      />
      <TextField label={t("fullName")} name="fullName" autoComplete="name" defaultValue={values.fullName} />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        required
        autoComplete="new-password"
        defaultValue={values.password}
        hint={t("passwordHint", { rule: passwordRule })}
      />
      <TextField
        label={t("repeatPassword")}

        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        defaultValue={values.confirmPassword}
      />
    </>
  );
}
