// A form's submit button and its aria-live status line, shared by every form that posts to a
// server action (ActionForm, which every field form uses).
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export function FormFooter({
  submitLabel,
  pendingLabel = "Working…",
  pending,
  disabled = pending,
  variant,
  result,
  successMessage = "",
  quietOnFieldErrors = false,
  children,
}: {
  submitLabel: string;
  pendingLabel?: string;
  pending: boolean;
  disabled?: boolean;
  variant?: "primary" | "secondary";
  /** The action's last result: its success text or error message is announced. */
  result: ActionResult<unknown> | null | undefined;
  successMessage?: string;
  /** Say nothing on failure when field errors are shown next to the fields already. */
  quietOnFieldErrors?: boolean;
  /** Extra buttons between the submit button and the status line. */
  children?: ReactNode;
}) {
  const failed = result?.ok === false;
  const message = !result
    ? ""
    : result.ok
      ? successMessage
      : quietOnFieldErrors && result.fieldErrors
        ? ""
        : result.error.message;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant={variant} disabled={disabled}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      {children}
      <p role="status" aria-live="polite" className={`text-sm ${failed ? "text-red-700 dark:text-red-400" : ""}`}>
        {message}
      </p>
    </div>
  );
}
