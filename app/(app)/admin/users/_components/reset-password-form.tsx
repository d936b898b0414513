"use client";
// Sets a new password for an account; its sessions end.
import { useActionState } from "react";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { FormFooter } from "@/components/forms/form-footer";
import { FieldErrorsProvider } from "@/components/ui/field";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ id, rule }: { id: string; rule: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  return (
    <FieldErrorsProvider errors={state && !state.ok ? state.fieldErrors : undefined}>
      <form action={action} className="flex flex-col gap-4" key={state?.ok ? "done" : "form"}>
        <input type="hidden" name="id" value={id} />
        <NewPasswordFields rule={rule} />
        <FormFooter
          submitLabel="Set new password"
          pendingLabel="Setting…"
          variant="secondary"
          pending={pending}
          result={state}
          successMessage="Password set. The account was signed out everywhere."
          quietOnFieldErrors
        />
      </form>
    </FieldErrorsProvider>
  );
}
