"use client";
// Admin: the email domains that may sign up themselves ("" = any), when self-registration is on.
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";

export function SignupDomainsForm({ action, value }: { action: FormAction; value: string }) {
  return (
    <ActionForm action={action} submitLabel="Save domains" variant="secondary" successMessage="Saved.">
      <TextField
        label="Allowed email domains"
        name="signupDomains"
        defaultValue={value.split(",").filter(Boolean).join(", ")}
        placeholder="example.com, example.org"
        hint="Comma-separated. Empty: any address may sign up."
      />
    </ActionForm>
  );
}
