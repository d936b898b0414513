"use client";
// A question before something that cannot be taken back (Radix AlertDialog: the safe answer has
// the focus, Escape cancels).
import { AlertDialog as A } from "radix-ui";
import { buttonClass } from "./button";
import { cx } from "./cx";
import { SURFACE } from "./surface";

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  trigger,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: React.ReactNode;
  description: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** The element that opens the dialog (rendered as is, asChild). */
  trigger?: React.ReactNode;
}) {
  return (
    <A.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <A.Trigger asChild>{trigger}</A.Trigger>}
      <A.Portal>
        <A.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        <A.Content
          className={cx(
            SURFACE,
            "fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-sm -translate-x-1/2 -translate-y-1/2 p-5",
          )}
        >
          <A.Title className="text-lg font-semibold">{title}</A.Title>
          <A.Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</A.Description>
          <div className="mt-5 flex justify-end gap-2">
            <A.Cancel className={buttonClass("secondary")}>{cancelLabel}</A.Cancel>
            <A.Action className={buttonClass("danger")} onClick={onConfirm}>
              {confirmLabel}
            </A.Action>
          </div>
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}
