// Hours and amounts come from the same durations, rounded per entry to the minute every list shows:
// a row of 1:00 at 120/h is 120.00, not 120.98 because of a few seconds that display as 0:00.
// Runs on PGlite (npm test) and PostgreSQL (npm run test:pg).
import { db } from "@/lib/db";
import { createClient } from "@/lib/services/clients";
import { projectTotals } from "@/lib/services/project-stats";
import { createProject } from "@/lib/services/projects";
import { summaryReport } from "@/lib/services/reports";
import { weekData } from "@/lib/services/week";
import { formatHours, formatMoney } from "@/lib/format";
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
