"use client";
// The reports page's charts (recharts, loaded only on that page: report-charts-lazy.tsx): hours per
// period stacked by project, and a donut by project or client. The drawings are hidden from
// assistive tech, which reads the same figures in visually hidden tables; colours are told apart in
// the legends by name, never by colour alone.
import { useState } from "react";
import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatHours, formatMoney } from "@/lib/format";
import { OTHER_KEY, type ChartData, type ChartSlice } from "@/lib/reports/chart-data";

/** Okabe–Ito hues (told apart with colour-blindness), readable on white and on slate-900; slate for "Other". */
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#B8A200"];
const OTHER = "#94a3b8";
const colorOf = (key: string, i: number) => (key === OTHER_KEY ? OTHER : PALETTE[i % PALETTE.length]);

function periodLabel(key: string, bucket: ChartData["bucket"], long = false): string {
  const d = new Date(`${key.length === 7 ? `${key}-01` : key}T00:00:00Z`);
  const opts: Intl.DateTimeFormatOptions =
    bucket === "month"
      ? { month: "short", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", ...(long ? { year: "numeric" } : {}), timeZone: "UTC" };
  return new Intl.DateTimeFormat("en-GB", opts).format(d);
}

const hours = (s: number) => Math.round((s / 3600) * 100) / 100;

export function ReportCharts({ data, currency }: { data: ChartData; currency: string }) {
  const t = useTranslations("ReportCharts");
  const [by, setBy] = useState<"project" | "client">("project");
  const rows = data.periods.map((p) => ({
    period: p.key,
    ...Object.fromEntries(data.series.map((s) => [s.key, hours(p.seconds[s.key] ?? 0)])),
  }));
  const slices = donutSlices(by === "project" ? data.projects : data.clients, t("other"));
  const money = slices.some((s) => s.amountCents !== null);
  const total = data.totalSeconds;
  const busiest = data.periods.reduce<{ key: string; s: number } | null>((best, p) => {
    const s = Object.values(p.seconds).reduce((a, b) => a + b, 0);
    return s > (best?.s ?? 0) ? { key: p.key, s } : best;
  }, null);
  const periodName = (key: string) =>
    data.bucket === "week"
      ? t("weekOf", { date: periodLabel(key, "week", true) })
      : periodLabel(key, data.bucket, true);
  return (
    <div className="mb-6 grid min-w-0 gap-6 lg:grid-cols-3" data-testid="report-charts">
      <figure className="min-w-0 lg:col-span-2" aria-labelledby="bars-title">
        <figcaption id="bars-title" className="mb-1 text-sm font-medium">
          {t("barsTitle", { bucket: data.bucket })}
        </figcaption>
        <p className="sr-only" data-testid="bars-summary">
          {t("barsSummary", {
            bucket: data.bucket,
            total: formatHours(total),
            busiest: busiest ? periodName(busiest.key) : "—",
            busiest_hours: formatHours(busiest?.s ?? 0),
          })}
        </p>
        <div aria-hidden className="h-60 text-slate-600 dark:text-slate-300" data-testid="bars-chart">
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
              <XAxis
                dataKey="period"
                tickFormatter={(k: string) => periodLabel(k, data.bucket)}
                tick={{ fill: "currentColor", fontSize: 12 }}
                stroke="currentColor"
                strokeOpacity={0.3}
                minTickGap={12}
              />
              <YAxis
                tick={{ fill: "currentColor", fontSize: 12 }}
                stroke="currentColor"
                strokeOpacity={0.3}
                tickFormatter={(v: number) => `${v}h`}
                allowDecimals={false}
              />
              <Tooltip
                cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
                content={({ active, payload, label }) =>
                  active && payload?.length ? (
                    <div className="rounded-md border border-slate-200 bg-white p-2 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
                      <p className="mb-1 font-medium">{periodName(String(label))}</p>
                      {payload
                        .filter((p) => Number(p.value) > 0)
                        .map((p) => (
                          <p key={String(p.dataKey)} className="flex justify-between gap-3">
                            <span className="max-w-40 truncate">{p.name}</span>
                            <span className="tabular-nums">{formatHours(Number(p.value) * 3600)}</span>
                          </p>
                        ))}
                    </div>
                  ) : null
                }
              />
              {data.series.map((s, i) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  stackId="h"
                  fill={colorOf(s.key, i)}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <Legend items={data.series.map((s, i) => ({ key: s.key, name: s.name, color: colorOf(s.key, i) }))} />
        {/* sr-only on the wrapper: a table grows to its content whatever its width, so an sr-only
            table still widened the page (144 px on a 390 px phone). */}
        <div className="sr-only">
          <table>
            <caption>{t("barsTable", { bucket: data.bucket })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("period")}</th>
                {data.series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.periods.map((p) => (
                <tr key={p.key}>
                  <th scope="row">{periodName(p.key)}</th>
                  {data.series.map((s) => (
                    <td key={s.key}>{formatHours(p.seconds[s.key] ?? 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
      <figure className="min-w-0" aria-labelledby="donut-title">
        <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
          <figcaption id="donut-title" className="text-sm font-medium">
            {t("donutTitle", { by })}
          </figcaption>
          <div
            role="group"
            aria-label={t("donutToggle")}
            className="flex rounded-md border border-slate-300 text-xs dark:border-slate-600"
          >
            {(["project", "client"] as const).map((b) => (
              <button
                key={b}
                type="button"
                aria-pressed={by === b}
                onClick={() => setBy(b)}
                className={`px-2 py-1 first:rounded-l-md last:rounded-r-md ${by === b ? "bg-blue-600 text-white" : ""}`}
              >
                {t(b === "project" ? "byProject" : "byClient")}
              </button>
            ))}
          </div>
        </div>
        {/* inert: recharts makes the sectors focusable; the legend below carries the figures. */}
        <div aria-hidden inert className="relative h-48" data-testid="donut-chart">
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 300, height: 192 }}>
            <PieChart accessibilityLayer={false}>
              <Pie
                data={slices}
                dataKey="seconds"
                nameKey="name"
                innerRadius="60%"
                outerRadius="90%"
                paddingAngle={slices.length > 1 ? 1 : 0}
                stroke="none"
                isAnimationActive={false}
              >
                {slices.map((s, i) => (
                  <Cell key={s.key} fill={colorOf(s.key, i)} />
                ))}
              </Pie>
            </PieChart>
          </ResponsiveContainer>
          <span className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm font-semibold tabular-nums">
            {formatHours(total)}
          </span>
        </div>
        <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="donut-legend">
          {slices.map((s, i) => (
            <li key={s.key} className="flex min-w-0 items-center gap-2">
              <span aria-hidden className="size-3 shrink-0 rounded-sm" style={{ background: colorOf(s.key, i) }} />
              <span className="min-w-0 flex-1 truncate" title={s.name}>
                {s.name}
              </span>
              <span className="tabular-nums">{formatHours(s.seconds)}</span>
              <span className="w-10 text-right text-slate-600 tabular-nums dark:text-slate-400">
                {share(s.seconds, total)}
              </span>
              {money && s.amountCents !== null && (
                <span className="hidden text-right tabular-nums sm:inline">{formatMoney(s.amountCents, currency)}</span>
              )}
            </li>
          ))}
        </ul>
      </figure>
    </div>
  );
}

const share = (s: number, total: number) => `${total > 0 ? Math.round((s / total) * 100) : 0}%`;

/** The largest slices, the rest as one "Other" slice (a donut of 40 slivers says nothing). */
function donutSlices(all: ChartSlice[], other: string): ChartSlice[] {
  if (all.length <= 7) return all;
  const rest = all.slice(6);
  const amounts = rest.map((s) => s.amountCents);
  return [
    ...all.slice(0, 6),
    {
      key: OTHER_KEY,
      name: other,
      seconds: rest.reduce((t, s) => t + s.seconds, 0),
      amountCents: amounts.includes(null) ? null : amounts.reduce<number>((t, a) => t + (a ?? 0), 0),
    },
  ];
}

function Legend({ items }: { items: { key: string; name: string; color: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" data-testid="bars-legend">
      {items.map((s) => (
        <li key={s.key} className="flex max-w-full min-w-0 items-center gap-1.5">
          <span aria-hidden className="size-3 shrink-0 rounded-sm" style={{ background: s.color }} />
          <span className="max-w-48 truncate" title={s.name}>
            {s.name}
          </span>
        </li>
      ))}
    </ul>
  );
}
