"use client";
// A form wired to a server action with useActionState: fields inside read their errors from
// context (FieldErrorsProvider), the outcome is announced in an aria-live region, and a CONFLICT can offer an
// alternative action (e.g. "Switch timer" when one is already running).
import { startTransition, useEffect, useId, useRef, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrorsProvider } from "@/components/ui/field";
import { FormFooter } from "./form-footer";
import type { ActionResult } from "@/lib/errors";

export type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  variant,
  successMessage,
  quietOnFieldErrors,
  onSuccess,
  altAction,
  altLabel,
  resetOnSuccess = false,
  className = "flex flex-col gap-3",
  children,
  testId,
}: {
  action: FormAction;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary";
  successMessage?: string;
  /** Say nothing in the status line when the errors are shown next to the fields. */
  quietOnFieldErrors?: boolean;
  /** Runs once after each successful submission (e.g. sign out after a password change). */
  onSuccess?: () => void;
  altAction?: FormAction;
  altLabel?: string;
  resetOnSuccess?: boolean;
  className?: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const [state, run, pending] = useActionState(action, null);
  const prefix = useId().replace(/:/g, "");
  const [altState, runAlt, altPending] = useActionState(altAction ?? action, null);
  const last = altState && (!state || altState !== state) ? altState : state;
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state?.ok) ref.current?.reset();
    if (state?.ok) onSuccess?.();
    // onSuccess is left out on purpose: a new callback each render must not re-run it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, resetOnSuccess]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const conflict = state && !state.ok && state.error.code === "CONFLICT" && altAction && !altState?.ok;
  return (
    // The prefix gives each field a document-unique id, so two forms on one page never share ids.
    <FieldErrorsProvider errors={errors} prefix={prefix}>
      <form
        ref={ref}
        className={className}
        data-testid={testId}
        noValidate
        onSubmit={(e) => {
          // Submitting by hand keeps what the user typed when the server says no (a plain form
          // action would reset every field after each submission).
          e.preventDefault();
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          const data = new FormData(e.currentTarget);
          startTransition(() => (submitter?.dataset.alt ? runAlt : run)(data));
        }}
      >
        {children}
        <FormFooter
          submitLabel={submitLabel}
          pendingLabel={pendingLabel}
          variant={variant}
          quietOnFieldErrors={quietOnFieldErrors}
          pending={pending}
          disabled={pending || altPending}
          result={last}
          successMessage={successMessage}
        >
          {conflict && (
            <Button type="submit" variant="secondary" data-alt="1" disabled={altPending}>
              {altLabel}
            </Button>
          )}
        </FormFooter>
      </form>
    </FieldErrorsProvider>
  );
}
