// Reports: a summary (grouped by one or two dimensions, chart and table) or the detailed entries,
// under shared filters and date presets (today … this year, or custom); CSV export of the detailed report. Users see themselves, admins everyone.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QueryErrors } from "@/components/forms/query-errors";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { formatHours, formatMoney } from "@/lib/format";
import { userOrRedirect } from "@/lib/auth/session";
import { listEntries } from "@/lib/services/entries";
import { timezoneOf } from "@/lib/services/entry-input";
import { filterOptions } from "@/lib/services/filter-options";
import { summaryReport, trackReportViewed } from "@/lib/services/reports";
import { getOrgSettings } from "@/lib/services/settings";
import { addDays, dateKey } from "@/lib/time/tz";
import { DATE_PRESETS, presetOf, presetRange } from "@/lib/time/presets";
import { GROUP_BY, ZEntryFilters, type TSummaryQuery } from "@/lib/validation/reports";
import { parsePageQuery, ZReportsPageQuery } from "@/lib/validation/search-params";
import { EntryFilters } from "@/components/entries/filters";
import { EntryTable } from "@/components/entries/entry-table";
import { deleteEntryAction, duplicateEntryAction } from "../entries/actions";
import { LazyReportCharts } from "@/components/reports/report-charts-lazy";
import { reportCharts } from "@/lib/services/report-charts";
import { SummaryCutNotice } from "./_components/summary-cut-notice";
import { SavedViews } from "@/components/reports/saved-views";
import { listReportViews } from "@/lib/services/report-views";
import { sameView, viewHref } from "@/lib/reports/view-query";
import { deleteReportViewAction, renameReportViewAction, saveReportViewAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Reports"))("title") };
}

const REPORT_TYPES = ["summary", "detailed"] as const;

type SP = Promise<Record<string, string | string[] | undefined>>;
const control =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

export default async function ReportsPage({ searchParams }: { searchParams: SP }) {
  const user = await userOrRedirect();
  const tz = await timezoneOf(user.id);
  const [tr, group, presetLabel] = await Promise.all([
    getTranslations("Reports"),
    getTranslations("ReportGroup"),
    getTranslations("DatePreset"),
  ]);
  const today = dateKey(new Date(), tz);
  // The last 30 days unless the link says otherwise; a refused field falls back to the same defaults.
  const { data: parsedQuery, fieldErrors } = parsePageQuery(ZReportsPageQuery, await searchParams, {
    from: addDays(today, -29),
    to: today,
  });
  const { type, cursor, ...q } = parsedQuery;
  const filters = ZEntryFilters.parse({ ...q, userId: user.role === "admin" ? q.userId : null });
  const [options, org, views] = await Promise.all([filterOptions(user), getOrgSettings(), listReportViews(user)]);
  trackReportViewed(user, type, filters);
  const filterQuery = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]): [string, string][] => (v ? [[k, String(v)]] : [])),
  ).toString();
  // Preset links keep every other filter and the grouping; only the dates change.
  const linkable = Object.fromEntries(
    Object.entries({ ...filters, group1: q.group1, group2: q.group2 }).flatMap(([k, v]): [string, string][] =>
      v && k !== "from" && k !== "to" ? [[k, String(v)]] : [],
    ),
  );
  const preset = presetOf(filters.from, filters.to, today, org.weekStart);
  // What "Save view" keeps, and which saved view (if any) the page shows now.
  const current = { ...filters, group1: q.group1, group2: q.group2, type, preset: preset ?? null };
  const shown = Object.fromEntries(
    Object.entries({ ...filters, group1: q.group1, group2: q.group2, type }).map(([k, v]) => [k, v ? String(v) : null]),
  );
  const tab = (t: string) => `rounded-md px-3 py-1 text-sm ${type === t ? "bg-blue-600 text-white" : "border"}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-4 text-2xl font-semibold">{tr("title")}</h1>
        <nav aria-label={tr("typeNav")} className="flex gap-2">
          {REPORT_TYPES.map((t) => (
            <Link
              key={t}
              href={`/reports?${filterQuery}&type=${t}`}
              className={tab(t)}
              aria-current={type === t ? "page" : undefined}
            >
              {tr(t)}
            </Link>
          ))}
        </nav>
        <a
          href={`/reports/export?${filterQuery}`}
          className="ml-auto rounded-md border px-3 py-1 text-sm"
          data-testid="export-csv"
          download
        >
          {tr("exportCsv")}
        </a>
      </div>
      <QueryErrors fieldErrors={fieldErrors} />
      <nav
        aria-label={tr("dateRange")}
        className="flex flex-wrap items-center gap-2 text-sm"
        data-testid="date-presets"
      >
        {DATE_PRESETS.map(([p]) => {
          const r = presetRange(p, today, org.weekStart);
          const query = new URLSearchParams({ ...linkable, from: r.from, to: r.to, type }).toString();
          return (
            <Link
              key={p}
              href={`/reports?${query}`}
              aria-current={preset === p ? "true" : undefined}
              className={`rounded-full px-3 py-1 ${preset === p ? "bg-blue-600 text-white" : "border border-slate-300 dark:border-slate-600"}`}
            >
              {presetLabel(p)}
            </Link>
          );
        })}
        <span className={`rounded-full px-3 py-1 ${preset ? "text-slate-500" : "bg-slate-200 dark:bg-slate-700"}`}>
          {preset ? tr("customPick") : tr("customRange")}
        </span>
      </nav>
      <SavedViews
        views={views.map((v) => {
          const href = viewHref(v.query, today, org.weekStart);
          return { id: v.id, name: v.name, href, active: sameView(href, shown) };
        })}
        current={current}
        actions={{ save: saveReportViewAction, rename: renameReportViewAction, remove: deleteReportViewAction }}
      />
      <EntryFilters
        f={filters}
        o={{ ...options, users: user.role === "admin" ? options.users : undefined }}
        extra={{ type }}
      >
        {type === "summary" && (
          <>
            <label className="flex flex-col gap-1 text-sm">
              {tr("groupBy")}
              <select name="group1" defaultValue={q.group1} className={control}>
                {GROUP_BY.map((g) => (
                  <option key={g} value={g}>
                    {group(g)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {tr("thenBy")}
              <select name="group2" defaultValue={q.group2 ?? ""} className={control}>
                <option value="">—</option>
                {GROUP_BY.map((g) => (
                  <option key={g} value={g}>
                    {group(g)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </EntryFilters>
      {type === "summary" ? (
        <Summary user={user} q={{ ...q, ...filters }} tz={tz} currency={org.currency} />
      ) : (
        <Detailed user={user} filters={filters} tz={tz} cursor={cursor} base={filterQuery} />
      )}
    </div>
  );
}

async function Summary({
  user,
  q,
  tz,
  currency,
}: {
  user: { id: string; role: "admin" | "user" };
  q: TSummaryQuery;
  tz: string;
  currency: string;
}) {
  const r = await summaryReport(user, q, tz);
  const [tr, group] = await Promise.all([getTranslations("Reports"), getTranslations("ReportGroup")]);
  // Null for a member when the organization keeps money from members: no Amount column then.
  const money = r.totals.amountCents !== null;
  if (!r.rows.length) return <EmptyState title={tr("summaryEmptyTitle")}>{tr("emptyBody")}</EmptyState>;
  // The charts come from the same summary (the same minutes and rates), by period then project.
  const [t, tc] = await Promise.all([getTranslations("ReportCharts"), getTranslations("Common")]);
  const charts = await reportCharts(user, q, tz, r, {
    noProject: tc("noProject"),
    noClient: tc("noClient"),
    other: t("other"),
  });
  return (
    <section aria-label={tr("summary")}>
      {r.groupCount > r.rows.length && <SummaryCutNotice shown={r.rows.length} total={r.groupCount} />}
      <LazyReportCharts data={charts} currency={currency} />
      <Table
        caption={tr("summary")}
        testId="summary-table"
        columns={[
          { label: group(r.query.group1), className: "pr-4 capitalize" },
          r.query.group2 && { label: group(r.query.group2), className: "pr-4 capitalize" },
          { label: tr("hours"), className: "text-right" },
          { label: tr("billable"), className: "text-right" },
          money && { label: tr("amount"), className: "text-right" },
        ]}
        footer={
          <tr className="border-t-2 border-slate-400 font-semibold">
            <td className="py-1" colSpan={r.query.group2 ? 2 : 1}>
              {tr("total")}
            </td>
            <td className="text-right tabular-nums" data-testid="summary-total">
              {formatHours(r.totals.seconds)}
            </td>
            <td className="text-right tabular-nums">{formatHours(r.totals.billableSeconds)}</td>
            {r.totals.amountCents !== null && (
              <td className="text-right tabular-nums">{formatMoney(r.totals.amountCents, currency)}</td>
            )}
          </tr>
        }
      >
        {r.rows.map((row) => (
          <tr key={`${row.key1}|${row.key2}`} className="border-t border-slate-200 dark:border-slate-700">
            <td className="py-1">{row.label1}</td>
            {r.query.group2 && <td>{row.label2}</td>}
            <td className="text-right tabular-nums">{formatHours(row.seconds)}</td>
            <td className="text-right tabular-nums">{formatHours(row.billableSeconds)}</td>
            {row.amountCents !== null && (
              <td className="text-right tabular-nums">{formatMoney(row.amountCents, currency)}</td>
            )}
          </tr>
        ))}
      </Table>
    </section>
  );
}

async function Detailed(props: {
  user: { id: string; role: "admin" | "user" };
  filters: ReturnType<typeof ZEntryFilters.parse>;
  tz: string;
  cursor: string | null;
  base: string;
}) {
  const page = await listEntries(props.user, props.filters, { cursor: props.cursor, tz: props.tz });
  const tr = await getTranslations("Reports");
  if (!page.entries.length) return <EmptyState title={tr("detailedEmptyTitle")}>{tr("emptyBody")}</EmptyState>;
  return (
    <section aria-label={tr("detailedLabel")}>
      <EntryTable
        entries={page.entries}
        tz={props.tz}
        actions={{ duplicate: duplicateEntryAction, remove: deleteEntryAction }}
        showUser={props.user.role === "admin"}
      />
      {page.nextCursor && (
        <Link
          href={`/reports?${props.base}&type=detailed&cursor=${page.nextCursor}`}
          className="mt-3 inline-block text-blue-700 underline"
        >
          {tr("nextPage")}
        </Link>
      )}
    </section>
  );
}
