// Hours and amounts come from the same durations, rounded per entry to the minute every list shows:
// a row of 1:00 at 120/h is 120.00, not 120.98 because of a few seconds that display as 0:00.
// Runs on PGlite (npm test) and PostgreSQL (npm run test:pg).
import { db } from "@/lib/db";
import { createClient } from "@/lib/services/clients";
import { projectTotals } from "@/lib/services/project-stats";
import { exportEntriesCsv } from "@/lib/services/export";
import { createProject } from "@/lib/services/projects";
import { updateOrgSettings } from "@/lib/services/settings";
import { startTimer, stopTimer } from "@/lib/services/timer";
import { dateKey } from "@/lib/time/tz";
import { summaryReport } from "@/lib/services/reports";
import { weekData } from "@/lib/services/week";
import { formatHours, formatMoney } from "@/lib/format";
import { ZEntryFilters } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
let project: { id: string };

beforeAll(async () => {
  s = await seedTracking();
  const client = await createClient(s.alice, { name: "Rates", defaultHourlyRateCents: 120 });
  project = await createProject(s.alice, { clientId: client.id, name: "Hourly", billable: true });
});

/** An entry of exact milliseconds, as a timer stopped at any second leaves it. */
const at = (iso: string, ms: number) =>
  db().timeEntry.create({
    data: {
      userId: s.alice.id,
      projectId: project.id,
      start: new Date(iso),
      end: new Date(Date.parse(iso) + ms),
      source: "timer",
    },
  });

it("a 1:00 row at 120/h is 120.00, whatever seconds-long entries sit beside it", async () => {
  await at("2026-04-06T09:00:00Z", 3600_000);
  await at("2026-04-06T11:00:00Z", 29_000); // shows as 0:00: neither counted nor charged
  await at("2026-04-06T12:00:00Z", 14_500);
  const r = await summaryReport(
    s.alice,
    { from: "2026-04-06", to: "2026-04-06", projectId: project.id, group1: "project" },
    "UTC",
  );
  expect(r.rows).toHaveLength(1);
  expect(r.rows[0]).toMatchObject({ seconds: 3600, billableSeconds: 3600, amountCents: 12000 });
  expect(formatHours(r.rows[0].seconds)).toBe("1:00");
  expect(formatMoney(r.rows[0].amountCents ?? Number.NaN, "EUR")).toBe("€120.00");
  expect(r.totals).toEqual({ seconds: 3600, billableSeconds: 3600, amountCents: 12000 });

  // Half a minute and more is a minute, charged as one (2.00 at 120/h), in every grouping.
  await at("2026-04-07T09:00:00Z", 30_000);
  const byDay = await summaryReport(
    s.alice,
    { from: "2026-04-06", to: "2026-04-07", projectId: project.id, group1: "day", group2: "tag" },
    "UTC",
  );
  expect(byDay.rows.map((x) => [x.key1, x.seconds, x.amountCents])).toEqual([
    ["2026-04-06", 3600, 12000],
    ["2026-04-07", 60, 200],
  ]);
  expect(byDay.totals.amountCents).toBe(12200);

  // The week view and the project page add up the same minutes.
  const week = await weekData(s.alice, "2026-04-06", "UTC");
  expect(week.dayTotals["2026-04-06"]).toBe(3600);
  expect(week.dayTotals["2026-04-07"]).toBe(60);
  const [totals] = await projectTotals(s.alice, [project.id]);
  expect(totals).toMatchObject({ seconds: 3660, billableSeconds: 3660, amountCents: 12200 });
});

it("59 min 40 s at 120/h is 1:00 and 120.00 in the report and the CSV, and a seconds-long entry 0:00 and 0.00", async () => {
  await updateOrgSettings(s.admin, { roundingMinutes: 1, roundingMode: "nearest", timezone: "UTC" });
  const client = await createClient(s.alice, { name: "Per minute", defaultHourlyRateCents: 120 });
  const p = await createProject(s.alice, { clientId: client.id, name: "Minutes", billable: true });
  // Stopped by the timer: the per-minute rounding stores 1:00.
  const start = new Date(Math.floor(Date.now() / 86400_000) * 86400_000 + 60_000);
  const inPast = start.getTime() + 3 * 3600_000 > Date.now() ? new Date(start.getTime() - 86400_000) : start;
  await startTimer(s.alice, { projectId: p.id, billable: true }, { at: inPast });
  const stopped = await stopTimer(s.alice, { at: new Date(inPast.getTime() + 3580_000) });
  expect(stopped?.durationSeconds).toBe(3600);
  // Imported unrounded (59:40 and 20 s): the report rounds each entry to the minute it shows.
  const raw = (offsetMs: number, ms: number) =>
    db().timeEntry.create({
      data: {
        userId: s.alice.id,
        projectId: p.id,
        billable: true,
        start: new Date(inPast.getTime() + offsetMs),
        end: new Date(inPast.getTime() + offsetMs + ms),
        source: "import",
      },
    });
  await raw(3600_000, 3580_000);
  await raw(2 * 3600_000, 20_000);
  const day = dateKey(inPast, "UTC");
  const q = { from: day, to: day, projectId: p.id };
  const r = await summaryReport(s.alice, { ...q, group1: "day" }, "UTC");
  expect(r.totals).toEqual({ seconds: 7200, billableSeconds: 7200, amountCents: 24000 });
  const csv = await new Response(await exportEntriesCsv(s.alice, ZEntryFilters.parse(q), "UTC")).text();
  const rows = csv
    .trim()
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(","));
  // Newest first: the 20 s entry, then the two of 59:40.
  expect(rows.map((c) => [c[7], c[8], c[13]])).toEqual([
    ["0.00", "0:00", "0.00"],
    ["1.00", "1:00", "120.00"],
    ["1.00", "1:00", "120.00"],
  ]);
  // The file adds up to the report: the same minutes, the same amounts.
  const sum = (i: number) => rows.reduce((t, c) => t + Number(c[i]), 0);
  expect([sum(7) * 3600, Math.round(sum(13) * 100)]).toEqual([r.totals.seconds, r.totals.amountCents]);
});
