// The summary report (aggregate on ids and zoned day/week numbers or month buckets, labels and rates joined after,
// totals from the same aggregate; entries without a project under "No project"/"No client") must equal the plain row-by-row reference for every grouping, in
// zones with half- and quarter-hour offsets and DST, for both week starts, under every filter; and
// past SUMMARY_GROUP_LIMIT groups it returns the first ones, the true group count and the full totals.
import { datasetFor, seed } from "@/scripts/bench/seed";
import type { Actor } from "@/lib/services/actor";
import { SUMMARY_GROUP_LIMIT } from "@/lib/services/report-sql";
import { summaryReport } from "@/lib/services/reports";
import { updateOrgSettings } from "@/lib/services/settings";
import { GROUP_BY, type TGroupBy } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { referenceSummary } from "./helpers/summary-reference";

const testDb = setupTestDb();
let admin: Actor;
let user: Actor;
let clientId: string;

beforeAll(async () => {
  const raw = testDb.current().conn.raw;
  await seed(raw, datasetFor(6000, "2026-11-27"), () => {});
  // Spread starts over two years at millisecond precision (across midnights and DST switches), and
  // finish the running timers so both sides see the same durations.
  await raw.exec(`
    SELECT setseed(0.17);
    UPDATE time_entries t SET start = v.s, "end" = v.s + v.d
    FROM (SELECT id, timestamptz '2025-01-01 00:00:00+00' + random() * interval '730 days' AS s,
                 interval '1 second' + random() * interval '7 hours' AS d FROM time_entries) v
    WHERE v.id = t.id;
    UPDATE time_entries SET project_id = NULL, task_id = NULL WHERE random() < 0.05;`);
  const ids = await raw.query<{ id: string; username: string }>(
    `SELECT id::text AS id, username FROM users WHERE username IN ('bench0', 'bench7')`,
  );
  admin = { id: ids.find((r) => r.username === "bench0")!.id, role: "admin" };
  user = { id: ids.find((r) => r.username === "bench7")!.id, role: "user" };
  [{ id: clientId }] = await raw.query<{ id: string }>(`SELECT id::text AS id FROM clients ORDER BY name LIMIT 1`);
});

async function expectSame(actor: Actor, q: Record<string, unknown>, tz: string, weekStart: number): Promise<void> {
  const got = await summaryReport(actor, q, tz);
  const ref = await referenceSummary(actor, q, tz, weekStart);
  // A member sees no amounts unless an admin allows it (off here: money-visibility.test.ts).
  const hide = <T extends { amountCents: unknown }>(x: T): T =>
    actor.role === "admin" ? x : { ...x, amountCents: null };
  const want = { totals: hide(ref.totals), rows: ref.rows.map(hide) };
  const label = `${JSON.stringify(q)} in ${tz}, week start ${weekStart}`;
  expect({ label, totals: got.totals, groups: got.groupCount }).toEqual({
    label,
    totals: want.totals,
    groups: want.rows.length,
  });
  expect(got.rows).toEqual(want.rows.slice(0, SUMMARY_GROUP_LIMIT));
}

const pairs: [TGroupBy, TGroupBy | undefined][] = GROUP_BY.flatMap((g1) =>
  [undefined, ...GROUP_BY.filter((g) => g !== g1)].map((g2): [TGroupBy, TGroupBy | undefined] => [g1, g2]),
);
const year = { from: "2025-06-01", to: "2026-05-31" };

describe("summary report equals the row-by-row reference", () => {
  it("for every pair of groupings (admin, all users, one year, Europe/Berlin)", async () => {
    for (const [group1, group2] of pairs) await expectSame(admin, { ...year, group1, group2 }, "Europe/Berlin", 1);
  }, 300_000); // 128 reports: minutes on a busy machine

  it.each([
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/Los_Angeles",
    "UTC",
  ])(
    "for day, week and month buckets in %s, weeks from Sunday and from Monday, with and without a range",
    async (tz) => {
      for (const weekStart of [0, 1]) {
        await updateOrgSettings(admin, { weekStart });
        for (const [group1, group2] of [
          ["day", undefined],
          ["week", "user"],
          ["project", "month"],
          ["tag", "week"],
        ] as const)
          for (const range of [{}, { from: "2025-01-01", to: "2026-12-31" }, { from: "2025-10-20", to: "2025-11-09" }])
            await expectSame(admin, { ...range, group1, group2 }, tz, weekStart);
      }
      await updateOrgSettings(admin, { weekStart: 1 });
    },
    300_000, // 24 reports: like the test above, minutes on a busy machine
  );

  it("under filters, for a user's own entries and an admin's", async () => {
    const filters = [
      { clientId },
      { tag: "tag3" },
      { billable: "yes" },
      { billable: "no", from: "2026-03-01", to: "2026-03-31" },
      { userId: user.id },
    ];
    for (const f of filters)
      for (const actor of [admin, user])
        for (const [group1, group2] of [
          ["client", "tag"],
          ["task", "day"],
          ["month", undefined],
        ] as const)
          await expectSame(actor, { ...f, group1, group2 }, "Asia/Kolkata", 1);
  });

  it(`stops at ${SUMMARY_GROUP_LIMIT} groups but counts them all and totals all of them`, async () => {
    const r = await summaryReport(admin, { group1: "project", group2: "day" }, "Europe/Berlin");
    expect(r.rows).toHaveLength(SUMMARY_GROUP_LIMIT);
    expect(r.groupCount).toBeGreaterThan(SUMMARY_GROUP_LIMIT);
    await expectSame(admin, { group1: "project", group2: "day" }, "Europe/Berlin", 1);
  });

  it("returns no groups and zero totals when nothing matches", async () => {
    const r = await summaryReport(admin, { from: "2030-01-01", to: "2030-01-31", group1: "week" }, "UTC");
    expect(r).toMatchObject({ rows: [], groupCount: 0, totals: { seconds: 0, billableSeconds: 0, amountCents: 0 } });
  });
});
