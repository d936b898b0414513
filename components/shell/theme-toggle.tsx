"use client";
// Cycles light → dark → system and stores the choice on the account (server action).
import { useTransition } from "react";
import { useRouter } from "next/navigation";

type Theme = "light" | "dark" | "system";
const NEXT: Record<Theme, Theme> = { light: "dark", dark: "system", system: "light" };
const LABEL: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };

export function ThemeToggle({
  theme,
  action,
}: {
  theme: Theme;
  action: (input: { theme: Theme }) => Promise<unknown>;
}) {
  const [pending, start] = useTransition();
  const router = useRouter();
  const next = NEXT[theme];
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          document.documentElement.dataset.theme = next;
          await action({ theme: next });
          router.refresh();
        })
      }
      aria-label={`Theme: ${LABEL[theme]}. Switch to ${LABEL[next]}.`}
      data-testid="theme-toggle"
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
    >
      Theme: {LABEL[theme]}
    </button>
  );
}
