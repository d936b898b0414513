// A list of entries with their actions (edit, duplicate, delete with confirmation); overlaps flagged.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ActionButton, DeleteButton } from "@/components/forms/action-button";
import { Table } from "@/components/ui/table";
import { formatDateTime, formatHours } from "@/lib/format";
import { formatTime } from "@/lib/time/tz";
import type { EntryWithFlags } from "@/lib/services/entries";
import type { FormAction } from "@/components/forms/action-form";

/** The row actions come from the page (app/(app)/entries/actions.ts): components never import app/. */
export interface EntryRowActions {
  duplicate: FormAction;
  remove: FormAction;
}

export function EntryTable({
  entries,
  tz,
  actions,
  showUser = false,
}: {
  entries: EntryWithFlags[];
  tz: string;
  actions: EntryRowActions;
  showUser?: boolean;
}) {
  const noProject = useTranslations("Common")("noProject");
  return (
    <Table
      caption="Time entries"
      testId="entry-table"
      columns={[
        "When",
        showUser && "User",
        "Project / task",
        "Notes",
        { label: "Duration", className: "text-right" },
        { label: "Actions", srOnly: true },
      ]}
    >
      {entries.map((e) => (
        <tr key={e.id} className="border-t border-slate-200 align-top dark:border-slate-700">
          <td className="py-2 whitespace-nowrap">
            {formatDateTime(e.start, tz)}–{e.end ? formatTime(e.end, tz) : "running"}
            {e.overlaps && (
              <span className="ml-1 rounded bg-amber-200 px-1 text-xs text-amber-900" title="Overlaps another entry">
                overlap
              </span>
            )}
          </td>
          {showUser && <td>{e.username}</td>}
          <td>
            <span
              aria-hidden
              className="mr-1 inline-block h-2 w-2 rounded-full"
              style={{ background: e.projectColor ?? undefined }}
            />
            {e.projectName ?? <span className="italic text-slate-600 dark:text-slate-400">{noProject}</span>}
            {e.taskName && <span className="text-slate-600 dark:text-slate-400"> · {e.taskName}</span>}
            {!e.billable && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(non-billable)</span>}
          </td>
          <td>
            {e.notes}
            {e.tags.length > 0 && (
              <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">#{e.tags.join(" #")}</span>
            )}
          </td>
          <td className="text-right tabular-nums">{formatHours(e.durationSeconds)}</td>
          <td className="flex flex-wrap justify-end gap-1 py-1">
            <Link
              href={`/entries/${e.id}`}
              className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Edit
            </Link>
            {e.end && <ActionButton action={actions.duplicate} fields={{ id: e.id }} label="Duplicate" />}
            <DeleteButton action={actions.remove} id={e.id} what="entry" />
          </td>
        </tr>
      ))}
    </Table>
  );
}
