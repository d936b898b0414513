"use client";
// The "?" overlay: every keyboard shortcut, from the same table the handler uses. A native modal
// <dialog>: focus moves into it, Esc closes it, focus returns to where it was.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

export interface ShortcutRow {
  keys: string[];
  label: string;
}

function Keys({ keys }: { keys: string[] }) {
  const t = useTranslations("ShortcutHelp");
  return (
    <span className="flex items-center gap-1 whitespace-nowrap">
      {keys.map((k, i) => (
        <span key={i} className="flex items-center gap-1">
          {i > 0 && <span className="text-xs text-slate-500 dark:text-slate-400">{t("then")}</span>}
          <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
            {k}
          </kbd>
        </span>
      ))}
    </span>
  );
}

export function ShortcutHelp({ open, onClose, rows }: { open: boolean; onClose: () => void; rows: ShortcutRow[] }) {
  const t = useTranslations("ShortcutHelp");
  const close = useTranslations("Common")("close");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="shortcut-help-h"
      data-testid="shortcut-help"
      className="m-auto w-[min(32rem,calc(100vw-1.5rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id="shortcut-help-h" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm hover:underline">
          {close}
        </button>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className="px-4 py-2 text-left font-normal">
                {r.label}
              </th>
              <td className="w-px px-4 py-2">
                <Keys keys={r.keys} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-4 py-3 text-xs text-slate-500 dark:text-slate-400">{t("footer")}</p>
    </dialog>
  );
}
