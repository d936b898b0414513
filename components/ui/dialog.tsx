"use client";
// Modal dialog on Radix Dialog: focus is trapped and returned, Escape and the overlay close it, and
// the title/description are wired to the dialog for screen readers.
import { Dialog as D } from "radix-ui";
import { X } from "lucide-react";
import { cx } from "./cx";
import { SURFACE } from "./surface";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

export function DialogContent({
  title,
  description,
  closeLabel,
  className,
  children,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Accessible name of the corner close button. */
  closeLabel: string;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
      <D.Content
        className={cx(
          SURFACE,
          "fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto p-5",
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <D.Title className="pr-8 text-lg font-semibold">{title}</D.Title>
        {description && (
          <D.Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</D.Description>
        )}
        <div className="mt-4">{children}</div>
        <D.Close
          aria-label={closeLabel}
          className="absolute right-3 top-3 rounded-md p-1 text-slate-600 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <X aria-hidden className="h-4 w-4" />
        </D.Close>
      </D.Content>
    </D.Portal>
  );
}
