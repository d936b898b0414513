"use client";
// A short hint on hover and keyboard focus (Radix Tooltip). Never the only place a label lives:
// icon buttons carry their own aria-label.
import { Tooltip as T } from "radix-ui";

// Each tooltip carries its own provider, so it works wherever it is placed.
export function Tooltip({ content, children }: { content: React.ReactNode; children: React.ReactNode }) {
  return (
    <T.Provider delayDuration={300}>
      <T.Root>
        <T.Trigger asChild>{children}</T.Trigger>
        <T.Portal>
          <T.Content
            sideOffset={6}
            className="z-50 rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow dark:bg-slate-100 dark:text-slate-900"
          >
            {content}
          </T.Content>
        </T.Portal>
      </T.Root>
    </T.Provider>
  );
}
