// Tells the user the summary shows only its first groups (SUMMARY_GROUP_LIMIT), and how to see the rest.
import { useTranslations } from "next-intl";

export function SummaryCutNotice({ shown, total }: { shown: number; total: number }) {
  const t = useTranslations("SummaryCutNotice");
  return (
    <p
      role="status"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
      data-testid="summary-cut"
    >
      {t("body", { shown, total })}
    </p>
  );
}
