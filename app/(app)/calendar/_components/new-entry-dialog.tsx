"use client";
// The calendar's new-entry dialog: opened by dragging over empty time or by the "New entry" button
// (the keyboard path). Description, optional project, day and times in the user's zone; an end
// before the start means the next day, as in the entry forms.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { FieldErrorsProvider, SelectField, TextField } from "@/components/ui/field";
import { addDays, zonedToUtc } from "@/lib/time/tz";
import { createCalendarEntryAction } from "../actions";

export interface Draft {
  date: string;
  startTime: string;
  endTime: string;
}

type Created = Extract<Awaited<ReturnType<typeof createCalendarEntryAction>>, { ok: true }>["data"];

/** The services name times start/end (calendar) or startTime/endTime/duration (entry rules). */
function fieldErrorsOf(errors: Record<string, string[] | undefined> | undefined) {
  if (!errors) return {};
  return {
    notes: errors.notes,
    projectId: errors.projectId,
    date: errors.date,
    startTime: errors.start ?? errors.startTime,
    endTime: errors.end ?? errors.endTime ?? errors.duration,
  };
}

export function NewEntryDialog({
  draft,
  timezone,
  projects,
  onClose,
  onCreated,
}: {
  draft: Draft;
  timezone: string;
  projects: { id: string; label: string }[];
  onClose: () => void;
  onCreated: (entry: Created) => void;
}) {
  const t = useTranslations("Calendar");
  const tc = useTranslations("Common");
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});

  function submit(form: FormData) {
    const date = String(form.get("date") ?? "");
    const startTime = String(form.get("startTime") ?? "");
    const endTime = String(form.get("endTime") ?? "");
    if (!date || !startTime || !endTime || startTime === endTime) {
      setFieldErrors({ endTime: [t("endBeforeStart")] });
      return;
    }
    const from = zonedToUtc(date, startTime, timezone);
    const to = zonedToUtc(endTime < startTime ? addDays(date, 1) : date, endTime, timezone);
    start(async () => {
      const r = await createCalendarEntryAction({
        start: from.toISOString(),
        end: to.toISOString(),
        notes: String(form.get("notes") ?? ""),
        projectId: String(form.get("projectId") ?? ""),
      });
      if (r.ok) return onCreated(r.data);
      setError(r.error.message);
      setFieldErrors(fieldErrorsOf(r.fieldErrors));
    });
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={t("newEntryTitle")} closeLabel={tc("close")}>
        <form action={submit} className="grid gap-3" data-testid="calendar-new-entry-form">
          <FieldErrorsProvider errors={fieldErrors} prefix="cal">
            <TextField label={t("description")} name="notes" placeholder={t("descriptionPlaceholder")} autoFocus />
            <SelectField
              label={t("project")}
              name="projectId"
              placeholder={t("noProject")}
              options={projects.map((p) => ({ value: p.id, label: p.label }))}
            />
            {/* The day on its own row on phones: three inputs side by side cut the date off at 390 px. */}
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              <div className="col-span-2 grid sm:col-span-1">
                <TextField label={t("date")} name="date" type="date" required defaultValue={draft.date} />
              </div>
              <TextField label={t("start")} name="startTime" type="time" required defaultValue={draft.startTime} />
              <TextField label={t("end")} name="endTime" type="time" required defaultValue={draft.endTime} />
            </div>
          </FieldErrorsProvider>
          <p role="alert" className="min-h-5 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
