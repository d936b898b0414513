// Tells the user the summary shows only its first groups (SUMMARY_GROUP_LIMIT), and how to see the rest.
export function SummaryCutNotice({ shown, total }: { shown: number; total: number }) {
  const n = (x: number) => x.toLocaleString("en");
  return (
    <p
      role="status"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
      data-testid="summary-cut"
    >
      Showing the first {n(shown)} of {n(total)} groups, in the order of the first grouping. The totals cover all{" "}
      {n(total)}. To see every group, narrow the dates or filters, group by one dimension, or use a coarser period
      (month instead of week or day).
    </p>
  );
}
