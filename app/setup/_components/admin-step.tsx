// Step 2: the first administrator's account. Errors come from the wizard's FieldErrorsProvider.
import { TextField } from "@/components/ui/field";

export function AdminStep({ values, passwordRule }: { values: Record<string, string>; passwordRule: string }) {
  return (
    <>
      <TextField
        label="Username"
        name="username"
        required
        autoComplete="username"
        defaultValue={values.username}
        autoFocus
      />
      <TextField label="Email" name="email" type="email" required autoComplete="email" defaultValue={values.email} />
      <TextField label="Full name (optional)" name="fullName" autoComplete="name" defaultValue={values.fullName} />
      <TextField
        label="Password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        defaultValue={values.password}
        hint={`Use ${passwordRule}.`}
      />
      <TextField
        label="Repeat password"
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        defaultValue={values.confirmPassword}
      />
    </>
  );
}
