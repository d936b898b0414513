"use client";
// The row's "⋯" menu: duplicate, delete (Undo in a toast, no second click), and extra items.
// Keyboard: the button opens it with the first item focused, arrows move, Escape closes.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

const item =
  "block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800";

export function RowMenu({
  label,
  running,
  onDuplicate,
  onDelete,
  children,
}: {
  label: string;
  running: boolean;
  onDuplicate: () => void;
  onDelete: () => void;
  children?: ReactNode;
}) {
  const t = useTranslations("EntryList");
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const close = (ev: MouseEvent) => {
      if (!menu.current?.contains(ev.target as Node) && ev.target !== button.current) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const onKeyDown = (ev: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (ev.key === "Escape") {
      setOpen(false);
      button.current?.focus();
    } else if (ev.key === "ArrowDown") {
      ev.preventDefault();
      items[(i + 1) % items.length]?.focus();
    } else if (ev.key === "ArrowUp") {
      ev.preventDefault();
      items[(i - 1 + items.length) % items.length]?.focus();
    }
  };
  const run = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={t("actionsFor", { label })}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="rounded px-2 py-0.5 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        ⋯
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label={t("actionsFor", { label })}
          onKeyDown={onKeyDown}
          className="absolute right-0 z-20 mt-1 w-44 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {children}
          {!running && (
            <button type="button" role="menuitem" className={item} onClick={run(onDuplicate)}>
              {t("duplicate")}
            </button>
          )}
          <button
            type="button"
            role="menuitem"
            className={`${item} text-red-700 dark:text-red-400`}
            onClick={run(onDelete)}
          >
            {t("delete")}
          </button>
        </div>
      )}
    </div>
  );
}
