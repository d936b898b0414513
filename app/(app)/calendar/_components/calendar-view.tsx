"use client";
// The calendar (FullCalendar): the user's entries for the visible range, loaded through
// calendar.load; drag on empty space opens the new-entry dialog, a dragged or resized block is
// saved through calendar.move and put back with the server's message when refused. FullCalendar
// runs in "UTC" over wall-clock times of the user's zone (lib/time/snap.ts), so blocks sit at the
// profile's local time whatever zone the browser is in, without a time-zone plugin.
import "./calendar.css";
import FullCalendar from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin from "@fullcalendar/interaction";
import timeGridPlugin from "@fullcalendar/timegrid";
import type {
  DateSelectArg,
  DatesSetArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
} from "@fullcalendar/core";
import type { EventResizeDoneArg } from "@fullcalendar/interaction";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import type { CalendarEntry } from "@/lib/services/calendar";
import { fromWallClock, snapToStep, toWallClock } from "@/lib/time/snap";
import { formatTime } from "@/lib/time/tz";
import { loadCalendarAction, moveCalendarEntryAction } from "../actions";
import { NewEntryDialog, type Draft } from "./new-entry-dialog";
import { textColorOn } from "./colors";

const DEFAULT_COLOR = "#2563eb";
const PHONE = "(max-width: 640px)";
const TIME_FORMAT = { hour: "2-digit", minute: "2-digit", hour12: false } as const;

// The calendar renders in the browser only (no view on the server); the screen decides the first
// view: the day on phones, the week elsewhere. Only the first view: no subscription.
const noSubscribe = () => () => {};
const phoneView = () => (window.matchMedia(PHONE).matches ? "timeGridDay" : "timeGridWeek");
const noView = () => null;

export function CalendarView({
  timezone,
  snapMinutes,
  weekStart,
  projects,
  renderedAt,
}: {
  timezone: string;
  snapMinutes: number;
  weekStart: number;
  projects: { id: string; label: string }[];
  renderedAt: number;
}) {
  const t = useTranslations("Calendar");
  const router = useRouter();
  const initialView = useSyncExternalStore(noSubscribe, phoneView, noView);
  const [range, setRange] = useState<{ start: string; end: string } | null>(null);
  const [entries, setEntries] = useState<CalendarEntry[]>([]);
  const [message, setMessage] = useState("");
  const [draft, setDraft] = useState<Draft | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const calendar = useRef<FullCalendar>(null);
  const loads = useRef(0);

  useEffect(() => {
    if (!range) return;
    const n = ++loads.current;
    void loadCalendarAction(range).then((r) => {
      if (n !== loads.current) return; // a later range (or refresh) answers instead
      if (r.ok) setEntries(r.data);
      else setMessage(t("loadFailed"));
    });
  }, [range, renderedAt, t]);

  // The running timer's block grows to now.
  const running = entries.some((e) => !e.end);
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, [running]);

  const events = useMemo<EventInput[]>(
    () =>
      entries.map((e) => {
        const color = e.projectColor ?? DEFAULT_COLOR;
        const end = e.end ? new Date(e.end) : new Date(Math.max(now, Date.parse(e.start) + 60_000));
        return {
          id: e.id,
          title: e.notes || t("untitled"),
          start: toWallClock(new Date(e.start), timezone),
          end: toWallClock(end, timezone),
          editable: e.end !== null && !e.locked,
          backgroundColor: color,
          borderColor: color,
          textColor: textColorOn(color),
          classNames: [e.end ? "" : "tt-running", e.locked ? "tt-locked" : ""].filter(Boolean),
          extendedProps: { entry: e },
        };
      }),
    [entries, now, timezone, t],
  );

  const time = useCallback((iso: string) => formatTime(new Date(iso), timezone), [timezone]);

  const onDatesSet = useCallback(
    (arg: DatesSetArg) => {
      // FullCalendar's arrow icons are role="img" without a name; the buttons carry it (title).
      for (const icon of document.querySelectorAll(".tt-calendar .fc-icon")) icon.setAttribute("aria-hidden", "true");
      const start = fromWallClock(arg.start, timezone).toISOString();
      const end = fromWallClock(arg.end, timezone).toISOString();
      setRange((r) => (r?.start === start && r.end === end ? r : { start, end }));
    },
    [timezone],
  );

  async function onChanged(info: EventDropArg | EventResizeDoneArg) {
    const { event } = info;
    if (!event.start || !event.end) return info.revert();
    const r = await moveCalendarEntryAction({
      id: event.id,
      start: fromWallClock(event.start, timezone).toISOString(),
      end: fromWallClock(event.end, timezone).toISOString(),
    });
    if (!r.ok) {
      info.revert();
      setMessage(r.error.message);
      return;
    }
    const { overlaps, ...moved } = r.data;
    setEntries((list) => list.map((e) => (e.id === moved.id ? moved : e)));
    setMessage(
      t(overlaps ? "movedOverlap" : "moved", { start: time(moved.start), end: time(moved.end ?? moved.start) }),
    );
  }

  function onSelect(arg: DateSelectArg) {
    const s = arg.start.toISOString();
    const e = arg.end.toISOString();
    setDraft({ date: s.slice(0, 10), startTime: s.slice(11, 16), endTime: e.slice(11, 16) });
  }

  function openNew() {
    const start = snapToStep(new Date(), snapMinutes, timezone);
    const wall = toWallClock(start, timezone);
    const end = toWallClock(new Date(start.getTime() + 3_600_000), timezone);
    setDraft({ date: wall.slice(0, 10), startTime: wall.slice(11, 16), endTime: end.slice(11, 16) });
  }

  function onEventClick(arg: EventClickArg) {
    arg.jsEvent.preventDefault();
    router.push(`/entries/${arg.event.id}`);
  }

  return (
    <div className="tt-calendar">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Button type="button" onClick={openNew} data-testid="calendar-new-entry">
          <Plus aria-hidden className="h-4 w-4" />
          {t("newEntry")}
        </Button>
        <p role="status" aria-live="polite" className="min-h-5 text-sm" data-testid="calendar-message">
          {message}
        </p>
      </div>
      {initialView ? (
        <FullCalendar
          ref={calendar}
          plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin]}
          initialView={initialView}
          timeZone="UTC"
          now={() => toWallClock(new Date(), timezone)}
          firstDay={weekStart}
          headerToolbar={{ left: "prev,next today", center: "title", right: "timeGridDay,timeGridWeek,dayGridMonth" }}
          buttonText={{ today: t("today"), day: t("day"), week: t("week"), month: t("month") }}
          // A working day in view, the rest a scroll away (the grid has 48 half-hour rows).
          contentHeight={620}
          scrollTime="07:00:00"
          scrollTimeReset={false}
          allDaySlot={false}
          nowIndicator
          editable
          eventInteractive
          selectable
          selectMirror
          snapDuration={{ minutes: snapMinutes }}
          slotDuration={{ minutes: 30 }}
          slotLabelFormat={TIME_FORMAT}
          eventTimeFormat={TIME_FORMAT}
          dayMaxEvents={4}
          views={{ dayGridMonth: { selectable: false } }}
          events={events}
          datesSet={onDatesSet}
          select={onSelect}
          eventDrop={onChanged}
          eventResize={onChanged}
          eventClick={onEventClick}
          eventContent={(arg) => <EventBlock arg={arg} runningLabel={t("running")} lockedLabel={t("locked")} />}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("loading")}</p>
      )}
      {draft && (
        <NewEntryDialog
          draft={draft}
          timezone={timezone}
          projects={projects}
          onClose={() => {
            setDraft(null);
            calendar.current?.getApi().unselect();
          }}
          onCreated={(created) => {
            const { overlaps, ...entry } = created;
            setEntries((list) => [...list.filter((x) => x.id !== entry.id), entry]);
            setDraft(null);
            calendar.current?.getApi().unselect();
            const args = { start: time(entry.start), end: time(entry.end ?? entry.start) };
            setMessage(t(overlaps ? "createdOverlap" : "created", args));
          }}
        />
      )}
    </div>
  );
}

function EventBlock({
  arg,
  runningLabel,
  lockedLabel,
}: {
  arg: EventContentArg;
  runningLabel: string;
  lockedLabel: string;
}) {
  const e = arg.event.extendedProps.entry as CalendarEntry | undefined;
  // The block drawn while selecting empty time (the "mirror") is no entry yet.
  if (!e) return <div className="px-0.5 text-xs font-medium">{arg.timeText}</div>;
  const project = [e.projectName, e.taskName].filter(Boolean).join(" · ");
  return (
    <div className="overflow-hidden px-0.5 text-xs leading-tight" data-testid="calendar-event" data-entry-id={e.id}>
      <div className="font-medium">
        {arg.timeText}
        {!e.end && ` · ${runningLabel}`}
      </div>
      <div className="truncate" title={arg.event.title}>
        {arg.event.title}
      </div>
      {project && (
        <div className="truncate opacity-90" title={project}>
          {project}
        </div>
      )}
      {e.locked && <span className="sr-only">{lockedLabel}</span>}
    </div>
  );
}
