// "New password" and "Repeat new password", shared by the profile's change-password form and the
// admin's reset-password form. Errors come from the surrounding FieldErrorsProvider.
import { TextField } from "@/components/ui/field";

export function NewPasswordFields({ rule }: { rule: string }) {
  return (
    <>
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        required
        autoComplete="new-password"
        hint={`Use ${rule}.`}
      />
      <TextField
        label="Repeat new password"
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
      />
    </>
  );
}
