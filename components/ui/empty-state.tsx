// What a page shows before there is anything to show: what it is for and what to do first.
export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children && <div className="mt-2 text-sm text-slate-600 dark:text-slate-400">{children}</div>}
    </section>
  );
}
