"use client";
// Admin: invite an address. Afterwards the link is shown to copy, and whether it was mailed.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrorsProvider, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { CopyLink } from "./copy-link";

type InviteAction = (
  prev: unknown,
  form: FormData,
) => Promise<ActionResult<{ path: string; emailed: boolean; mailError?: string }>>;

export function InviteForm({ action, mailReady }: { action: InviteAction; mailReady: boolean }) {
  const [state, run, pending] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <FieldErrorsProvider errors={errors} prefix="invite">
      <form action={run} className="flex flex-col gap-3">
        <TextField label="Email" name="email" type="email" required autoComplete="off" />
        <SelectField
          label="Role"
          name="role"
          defaultValue="user"
          options={[
            { value: "user", label: "User" },
            { value: "admin", label: "Administrator" },
          ]}
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Inviting…" : mailReady ? "Send invitation" : "Create invitation link"}
          </Button>
        </div>
        <div role="status" aria-live="polite" className="text-sm">
          {state?.ok && (
            <div className="flex flex-col gap-2">
              <p
                className={
                  state.data.emailed ? "text-green-800 dark:text-green-300" : "text-amber-800 dark:text-amber-200"
                }
              >
                {state.data.emailed
                  ? "Invitation sent by email. You can also pass the link on yourself:"
                  : state.data.mailError
                    ? `${state.data.mailError} Pass the link on yourself:`
                    : "Email is not set up: pass this link on yourself (privately: whoever has it can create the account)."}
              </p>
              <CopyLink url={`${window.location.origin}${state.data.path}`} label="Invitation link" />
            </div>
          )}
          {state && !state.ok && !state.fieldErrors && (
            <p className="text-red-700 dark:text-red-400">{state.error.message}</p>
          )}
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
