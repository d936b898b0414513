// "Recent entries" with a one-click Restart for each finished one: on the dashboard and the timer page.
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { formatHours } from "@/lib/format";
import type { EntryDto } from "@/lib/services/entry-dto";
import type { FormAction } from "@/components/forms/action-form";

/** restart: the timer's restart action, handed down by the page (components never import app/). */
export function RecentEntries({ entries, restart }: { entries: EntryDto[]; restart: FormAction }) {
  const noProject = useTranslations("Common")("noProject");
  const t = useTranslations("RecentEntries");
  return (
    <section aria-labelledby="recent-h">
      <h2 id="recent-h" className="mb-2 text-xl font-semibold">
        {t("title")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {entries.map((e) => (
            <li
              key={e.id}
              className="flex items-center justify-between gap-2 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
            >
              <span>
                <span className="font-medium">{e.projectName ?? noProject}</span>
                {e.taskName ? ` · ${e.taskName}` : ""}
                {e.notes ? ` — ${e.notes}` : ""}
                <span className="ml-2 tabular-nums text-slate-600 dark:text-slate-400">
                  {formatHours(e.durationSeconds)}
                </span>
              </span>
              {e.end && <ActionButton action={restart} fields={{ id: e.id }} label={t("restart")} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
