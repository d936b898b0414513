"use client";
// Phones and narrow windows: a menu button that opens the navigation as a drawer from the left
// (a Radix dialog: focus trapped, Escape or a link closes it).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Dialog as D } from "radix-ui";
import { Menu, X } from "lucide-react";
import { NavLinks } from "./nav-links";

export function MobileNav({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("Shell");
  const tn = useTranslations("Nav");
  const [open, setOpen] = useState(false);
  return (
    <D.Root open={open} onOpenChange={setOpen}>
      <D.Trigger
        aria-label={t("openMenu")}
        data-testid="menu-button"
        className="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md hover:bg-slate-100 md:hidden dark:hover:bg-slate-800"
      >
        <Menu aria-hidden className="h-5 w-5" />
      </D.Trigger>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        <D.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-64 max-w-[85vw] flex-col border-r border-slate-200 bg-white p-3 shadow-xl dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="mb-2 flex items-center justify-between">
            <D.Title className="px-2 text-lg font-bold text-blue-700 dark:text-blue-400">{t("menuTitle")}</D.Title>
            <D.Close
              aria-label={t("closeMenu")}
              className="inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <X aria-hidden className="h-5 w-5" />
            </D.Close>
          </div>
          <nav aria-label={tn("label")}>
            <NavLinks isAdmin={isAdmin} onNavigate={() => setOpen(false)} />
          </nav>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
