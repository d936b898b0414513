// Calendar: the signed-in user's own entries as blocks (day, week, month) in their time zone; drag
// to create, move and resize (snapping to the rounding step), click to edit, the running timer live.
import { getTranslations } from "next-intl/server";
import { userOrRedirect } from "@/lib/auth/session";
import { calendarSnapMinutes } from "@/lib/services/calendar";
import { timezoneOf } from "@/lib/services/entry-input";
import { pickerOptions } from "@/lib/services/pickers";
import { orgWeekStart } from "@/lib/services/settings";
import { LazyCalendarView as CalendarView } from "./_components/calendar-view-lazy";

export const metadata = { title: "Calendar" };

export default async function CalendarPage() {
  const user = await userOrRedirect();
  const t = await getTranslations("Calendar");
  // A new value on every server render: after router.refresh() (live sync, the timer bar) the view
  // reloads its range, so a timer started elsewhere appears here.
  const renderedAt = new Date().getTime();
  const [tz, snapMinutes, weekStart, picks] = await Promise.all([
    timezoneOf(user.id),
    calendarSnapMinutes(),
    orgWeekStart(),
    pickerOptions(user),
  ]);
  return (
    <section aria-labelledby="calendar-h" className="min-w-0">
      <h1 id="calendar-h" className="mb-1 text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        {t("intro", { timezone: tz, minutes: snapMinutes })}
      </p>
      <CalendarView
        timezone={tz}
        snapMinutes={snapMinutes}
        weekStart={weekStart}
        projects={picks.projects}
        renderedAt={renderedAt}
      />
    </section>
  );
}
