// An invoice's status as a small labelled badge (text, not colour alone).
import { useTranslations } from "next-intl";
import type { INVOICE_STATUSES } from "@/lib/validation/invoices";

const STYLE: Record<string, string> = {
  draft: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  issued: "bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100",
  partly_paid: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  paid: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  overdue: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  cancelled: "bg-slate-100 text-slate-600 line-through dark:bg-slate-800 dark:text-slate-300",
};

export function StatusBadge({ status }: { status: (typeof INVOICE_STATUSES)[number] }) {
  const t = useTranslations("InvoiceStatus");
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLE[status] ?? STYLE.draft}`} data-status={status}>
      {t(status)}
    </span>
  );
}
