// Reports resolve rates as invoicing does (rate-table.ts): the most specific level wins, and within a
// level the rate in force on the entry's day; hours and amounts come from the same minutes, in the
// summary report (page and API) and in the CSV export. Runs on PGlite (npm test) and PostgreSQL (npm run test:pg).
import { db } from "@/lib/db";
import { createClient } from "@/lib/services/clients";
import { exportEntriesCsv } from "@/lib/services/export";
import { previewInvoice } from "@/lib/services/invoices";
import { createProject } from "@/lib/services/projects";
import { createRate, loadRateTable } from "@/lib/services/rates";
import { reportCharts } from "@/lib/services/report-charts";
import { summaryReport } from "@/lib/services/reports";
import { updateOrgSettings } from "@/lib/services/settings";
import { dateKey } from "@/lib/time/tz";
import { ZEntryFilters, ZSummaryQuery, type TGroupBy } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
let acme: { id: string };
let p1: { id: string };
let p2: { id: string };
let p3: { id: string };

const H = 3600_000;
const entry = (userId: string, projectId: string | null, iso: string, ms: number) =>
  db().timeEntry.create({
    data: {
      userId,
      projectId,
      start: new Date(iso),
      end: new Date(Date.parse(iso) + ms),
      source: "manual",
      billable: true,
    },
  });

beforeAll(async () => {
  s = await seedTracking();
  await updateOrgSettings(s.admin, { timezone: "UTC" });
  acme = await createClient(s.admin, { name: "Dated", defaultHourlyRateCents: 100 });
  p1 = await createProject(s.admin, { clientId: acme.id, name: "P1", billable: true });
  p2 = await createProject(s.admin, { clientId: acme.id, name: "P2", billable: true, hourlyRateCents: 80 });
  p3 = await createProject(s.admin, { clientId: acme.id, name: "P3", billable: true });
  const rate = (r: Record<string, string | null>) => createRate(s.admin, r as never);
  await rate({
    level: "project_member",
    projectId: p1.id,
    userId: s.alice.id,
    effectiveFrom: "2026-03-10",
    hourlyRate: "150",
  });
  await rate({ level: "project", projectId: p1.id, effectiveFrom: "2026-03-05", hourlyRate: "130" });
  await rate({ level: "member", userId: s.bob.id, effectiveFrom: "2026-03-01", hourlyRate: "90" });
  await rate({ level: "client", clientId: acme.id, effectiveFrom: "2026-03-20", hourlyRate: "110" });
  await rate({ level: "organization", effectiveFrom: "2026-01-01", hourlyRate: "50" });
  // alice: 100 (client's own rate) + 130 (project, dated) + 150 (project member) + 110 (client, dated) + 100
  await entry(s.alice.id, p1.id, "2026-03-02T09:00:00Z", H);
  await entry(s.alice.id, p1.id, "2026-03-06T09:00:00Z", H);
  await entry(s.alice.id, p1.id, "2026-03-12T09:00:00Z", H);
  await entry(s.alice.id, p3.id, "2026-03-21T09:00:00Z", H);
  await entry(s.alice.id, p3.id, "2026-03-02T11:00:00Z", H);
  // bob: 2 h at 90 (member) + 130 + 130 (project beats the dated client rate) + 80 (P2's own rate)
  await entry(s.bob.id, p1.id, "2026-03-02T09:00:00Z", 2 * H);
  await entry(s.bob.id, p1.id, "2026-03-06T09:00:00Z", H);
  await entry(s.bob.id, p1.id, "2026-03-21T09:00:00Z", H);
  await entry(s.bob.id, p2.id, "2026-03-21T11:00:00Z", H);
  // No project: the member rate (90); never on an invoice, which bills a client's projects.
  await entry(s.bob.id, null, "2026-03-06T13:00:00Z", H);
});

const march = { from: "2026-03-01", to: "2026-03-31" };

it("amounts follow the effective-dated rate hierarchy, per user, per day and in total", async () => {
  const byUser = await summaryReport(s.admin, { ...march, group1: "user" }, "UTC");
  const byName = <T extends unknown[]>(a: T[]) => a.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  expect(byName(byUser.rows.map((r) => [r.label1, r.seconds / 3600, r.amountCents]))).toEqual([
    ["alice", 5, 59000],
    ["bob", 6, 61000],
  ]);
  expect(byUser.totals).toEqual({ seconds: 11 * 3600, billableSeconds: 11 * 3600, amountCents: 120000 });
  // Every path of the statement (one row per group, regrouped, by tag, by period) sums the same amounts.
  const pairs: [TGroupBy, TGroupBy | undefined][] = [
    ["day", "project"],
    ["project", undefined],
    ["tag", "user"],
    ["client", "week"],
  ];
  for (const [group1, group2] of pairs) {
    const r = await summaryReport(s.admin, { ...march, group1, group2 }, "UTC");
    expect([group1, group2, r.totals.amountCents]).toEqual([group1, group2, 120000]);
    expect([group1, group2, r.rows.reduce((t, x) => t + (x.amountCents ?? 0), 0)]).toEqual([group1, group2, 120000]);
  }
  const day = await summaryReport(s.admin, { ...march, group1: "day", group2: "user" }, "UTC");
  expect(byName(day.rows.filter((r) => r.key1 === "2026-03-02").map((r) => [r.label2, r.amountCents]))).toEqual([
    ["alice", 20000],
    ["bob", 18000],
  ]);
});

it("agrees with the invoice resolver (RateTable) entry by entry and with an invoice preview in total", async () => {
  const table = await loadRateTable();
  const rows = await db().timeEntry.findMany({ where: { projectId: { not: null } } });
  const expected = rows.reduce(
    (t, e) => t + ((+e.end! - +e.start) / H) * table.resolve(e.projectId!, e.userId, dateKey(e.start, "UTC")).rate,
    0,
  );
  const report = await summaryReport(
    s.admin,
    { ...march, clientId: acme.id, group1: "project", group2: "user" },
    "UTC",
  );
  expect(report.totals.amountCents).toBe(expected);
  const invoice = await previewInvoice(s.admin, { clientId: acme.id, ...march, groupBy: "person" });
  const timeLines = invoice.lines.filter((l) => l.kind === "time");
  expect(timeLines.reduce((t, l) => t + l.amount, 0)).toBe(report.totals.amountCents);
});

it("a new dated rate reprices only the days from its start, in the report and the CSV export", async () => {
  await createRate(s.admin, { level: "project", projectId: p2.id, effectiveFrom: "2026-03-22", hourlyRate: "500" });
  const r = await summaryReport(s.admin, { ...march, projectId: p2.id, group1: "project" }, "UTC");
  expect(r.totals.amountCents).toBe(8000); // the entry of the 21st keeps P2's own rate
  const csv = await new Response(
    await exportEntriesCsv(s.admin, ZEntryFilters.parse({ ...march, projectId: p2.id }), "UTC"),
  ).text();
  const line = csv.split("\r\n")[1].split(",");
  expect(line.slice(7, 9)).toEqual(["1.00", "1:00"]);
  expect(line[13]).toBe("80.00");
});

it("the charts add up to the summary, and show members no amounts unless allowed", async () => {
  const q = ZSummaryQuery.parse({ ...march, group1: "user" });
  const admin = await reportCharts(s.admin, q, "UTC");
  expect(admin.bucket).toBe("day");
  expect(admin.periods).toHaveLength(31);
  const barSeconds = admin.periods.reduce((t, p) => t + Object.values(p.seconds).reduce((a, b) => a + b, 0), 0);
  expect(barSeconds).toBe(11 * 3600);
  const summary = await summaryReport(s.admin, q, "UTC");
  expect(admin.clients.reduce((t, c) => t + (c.amountCents ?? 0), 0)).toBe(summary.totals.amountCents);
  expect(admin.clients.map((c) => c.name)).toEqual(["Dated", "No client"]);
  await updateOrgSettings(s.admin, { membersSeeMoney: false });
  const member = await reportCharts(s.bob, q, "UTC");
  expect(member.projects.length).toBeGreaterThan(0);
  expect([...member.projects, ...member.clients].every((x) => x.amountCents === null)).toBe(true);
  await updateOrgSettings(s.admin, { membersSeeMoney: true });
});
