"use client";
// Loads FullCalendar (~80 kB gzip) after the page's first paint, so the calendar page stays within
// the first-load budget (docs/development.md, "Bundle budget"); it renders in the browser only
// anyway. The placeholder has the calendar's height, so the page does not jump.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";

function CalendarLoading() {
  const t = useTranslations("Calendar");
  return (
    <div data-testid="calendar-loading">
      <p role="status" className="mb-3 min-h-9 text-sm text-slate-600 dark:text-slate-400">
        {t("loading")}
      </p>
      <Skeleton className="h-[680px]" />
    </div>
  );
}

export const LazyCalendarView = dynamic(() => import("./calendar-view").then((m) => m.CalendarView), {
  ssr: false,
  loading: CalendarLoading,
});
