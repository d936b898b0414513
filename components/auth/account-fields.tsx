// Username, name and password of a new account (invitation and sign-up forms).
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { TextField } from "@/components/ui/field";

export function AccountFields({ rule }: { rule: string }) {
  return (
    <>
      <TextField
        label="Username"
        name="username"
        required
        autoComplete="username"
        hint="3–40 letters, digits, dots, dashes or underscores."
      />
      <TextField label="Full name (optional)" name="fullName" autoComplete="name" />
      <NewPasswordFields rule={rule} />
    </>
  );
}
