"use client";
// The entry list grouped by week and day with subtotals; each entry an inline-editable row. Deleting
// (one entry or a selection) happens at once and shows a toast with Undo, which restores the entries
// exactly. Select rows to set project, tags or billable on all of them, or delete them together.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { formatDay, formatHours } from "@/lib/format";
import type { WeekGroup } from "@/lib/services/entry-days";
import type { ActionResult } from "@/lib/errors";
import { BulkBar } from "./bulk-bar";
import { EntryRow } from "./entry-row";
import type { EntryListActions, ProjectOption } from "./list-actions";

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

export function EntryList({
  weeks,
  projects,
  actions,
  showUser = false,
}: {
  weeks: WeekGroup[];
  projects: ProjectOption[];
  actions: EntryListActions;
  showUser?: boolean;
}) {
  const t = useTranslations("EntryList");
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const allIds = weeks.flatMap((w) => w.days.flatMap((d) => d.entries.map((e) => e.id)));
  const chosen = allIds.filter((id) => selected.has(id));
  const refresh = () => startRefresh(() => router.refresh());

  const select = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    setSelected(next);
  };

  const undoable = (ids: string[], what: string) =>
    toast(what, {
      action: {
        label: t("undo"),
        onClick: async () => {
          const r = await actions.restore({ ids });
          if (r.ok) toast.success(t("restored", { count: ids.length }));
          else toast.error(r.error.message);
          refresh();
        },
      },
    });

  const report = <T,>(r: ActionResult<T>, ok: (data: T) => void) => {
    if (r.ok) ok(r.data);
    else toast.error(r.error.message);
    refresh();
  };

  const remove = async (id: string) => {
    report(await actions.remove(null, form({ id })), () => undoable([id], t("deleted", { count: 1 })));
    select([id], false);
  };
  const duplicate = async (id: string) =>
    report(await actions.duplicate(null, form({ id })), () => toast.success(t("duplicated")));

  return (
    <div className="flex flex-col gap-6" data-testid="entry-list">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            className="h-4 w-4"
            checked={allIds.length > 0 && chosen.length === allIds.length}
            onChange={(ev) => select(allIds, ev.target.checked)}
          />
          {t("selectAll")}
        </label>
        {chosen.length > 0 && (
          <BulkBar
            count={chosen.length}
            projects={projects}
            onClear={() => setSelected(new Set())}
            onApply={async (change) =>
              report(await actions.bulkUpdate({ ids: chosen, ...change }), (d) =>
                toast.success(t("updated", { count: d.updated })),
              )
            }
            onDelete={async () => {
              const ids = chosen;
              report(await actions.bulkDelete({ ids }), (d) => undoable(ids, t("bulkDeleted", { count: d.deleted })));
              setSelected(new Set());
            }}
          />
        )}
      </div>
      {weeks.map((w) => (
        <section key={w.weekStart} aria-label={t("weekOf", { date: formatDay(w.weekStart) })}>
          <h3 className="flex items-baseline justify-between border-b-2 border-slate-300 pb-1 font-semibold dark:border-slate-600">
            <span>{t("weekOf", { date: formatDay(w.weekStart) })}</span>
            <span className="tabular-nums" data-testid="week-subtotal">
              {formatHours(w.seconds)}
            </span>
          </h3>
          {w.days.map((d) => (
            <div key={d.day} className="mt-3">
              <h4 className="flex items-center justify-between text-sm text-slate-600 dark:text-slate-300">
                <label className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    aria-label={t("selectDay", { date: formatDay(d.day) })}
                    checked={d.entries.every((e) => selected.has(e.id))}
                    onChange={(ev) =>
                      select(
                        d.entries.map((e) => e.id),
                        ev.target.checked,
                      )
                    }
                  />
                  {formatDay(d.day)}
                </label>
                <span className="font-medium tabular-nums" data-testid="day-subtotal">
                  {formatHours(d.seconds)}
                </span>
              </h4>
              <ul>
                {d.entries.map((e) => (
                  <EntryRow
                    key={e.id}
                    entry={e}
                    projects={projects}
                    actions={actions}
                    selected={selected.has(e.id)}
                    onSelect={(on) => select([e.id], on)}
                    onDelete={() => void remove(e.id)}
                    onDuplicate={() => void duplicate(e.id)}
                    showUser={showUser}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
