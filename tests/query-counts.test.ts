// No N+1 queries: each main page's data loading (the same service calls the page makes) sends the
// same number of database queries — counted by the Prisma metrics extension (lib/db/connection.ts
// reports every operation to lib/observability/db-hooks.ts) — with 5 rows of everything and with 50.
import { onDbQuery } from "@/lib/observability/db-hooks";
import type { Actor } from "@/lib/services/actor";
import { listEntries } from "@/lib/services/entries";
import { timezoneOf } from "@/lib/services/entry-input";
import { filterOptions } from "@/lib/services/filter-options";
import { pickerOptions } from "@/lib/services/pickers";
import { summaryReport } from "@/lib/services/reports";
import { resetBudgetAlertCache } from "@/lib/services/budget-alerts";
import { dashboardData } from "@/lib/services/dashboard";
import { getOrgSettings } from "@/lib/services/settings";
import { dateKey, startOfWeek } from "@/lib/time/tz";
import { listUsers } from "@/lib/services/users";
import { weekData } from "@/lib/services/week";
import { ZEntryFilters } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
let queries: number | null = null;
onDbQuery(() => {
  if (queries !== null) queries++;
});

async function count(load: () => Promise<unknown>): Promise<number> {
  queries = 0;
  await load();
  const n = queries;
  queries = null;
  return n;
}

let s: Awaited<ReturnType<typeof seedTracking>>;
beforeAll(async () => {
  s = await seedTracking();
  // The settings row exists after setup; created here so the pages' parallel reads do not race to insert it.
  await getOrgSettings();
});

/** Brings projects, tasks, users, tags and the user's entries (this week and earlier, tagged) to n each. */
async function grow(n: number): Promise<void> {
  await testDb.current().conn.raw.exec(`
    INSERT INTO users (id, username, email, password_hash, role, timezone, updated_at)
      SELECT gen_random_uuid(), 'qc' || g, 'qc' || g || '@example.test', 'x', 'user', 'Europe/Berlin', now()
      FROM generate_series((SELECT count(*) FROM users) + 1, ${n}) g;
    INSERT INTO projects (id, client_id, name, color, billable, budget_cents, updated_at)
      SELECT gen_random_uuid(), '${s.client.id}', 'P' || g, '#2563eb', true, CASE WHEN g % 2 = 0 THEN 100 END, now()
      FROM generate_series((SELECT count(*) FROM projects) + 1, ${n}) g;
    INSERT INTO tasks (id, project_id, name, status, created_by_id, updated_at)
      SELECT gen_random_uuid(), (SELECT id FROM projects ORDER BY name LIMIT 1 OFFSET g % ${n}), 'T' || g, 'todo', '${s.alice.id}', now()
      FROM generate_series((SELECT count(*) FROM tasks) + 1, ${n}) g;
    INSERT INTO tags (id, name) SELECT gen_random_uuid(), 'qt' || g FROM generate_series((SELECT count(*) FROM tags) + 1, ${n}) g;
    INSERT INTO time_entries (id, user_id, project_id, task_id, start, "end", billable, source, updated_at)
      SELECT gen_random_uuid(), '${s.alice.id}', p.id, t.id, now() - g * interval '97 minutes',
             now() - g * interval '97 minutes' + interval '45 minutes', true, 'manual', now()
      FROM generate_series((SELECT count(*) FROM time_entries) + 1, ${n}) g
      JOIN LATERAL (SELECT id FROM projects ORDER BY name LIMIT 1 OFFSET g % ${n}) p ON true
      JOIN LATERAL (SELECT id FROM tasks ORDER BY name LIMIT 1 OFFSET g % ${n}) t ON true;
    INSERT INTO time_entry_tags (entry_id, tag_id)
      SELECT e.id, g.id FROM time_entries e JOIN tags g ON true
      WHERE (SELECT count(*) FROM time_entry_tags x WHERE x.entry_id = e.id) = 0 AND random() < 0.3
      ON CONFLICT DO NOTHING;`);
}

/** What each page loads, call for call (app/(app)/.../page.tsx). */
const pages: Record<string, (user: Actor, admin: Actor) => Promise<unknown>> = {
  dashboard: (user) => dashboardData(user),
  async weekAndEntries(user) {
    const [tz, org] = await Promise.all([timezoneOf(user.id), getOrgSettings()]);
    return Promise.all([
      weekData(user, startOfWeek(dateKey(new Date(), tz), org.weekStart), tz),
      pickerOptions(user),
      filterOptions(user),
      listEntries(user, ZEntryFilters.parse({}), { tz }),
    ]);
  },
  async detailedReport(_user, admin) {
    const tz = await timezoneOf(admin.id);
    return Promise.all([filterOptions(admin), getOrgSettings(), listEntries(admin, ZEntryFilters.parse({}), { tz })]);
  },
  async summaryReport(_user, admin) {
    const tz = await timezoneOf(admin.id);
    return Promise.all([
      filterOptions(admin),
      getOrgSettings(),
      summaryReport(admin, { group1: "project", group2: "week" }, tz),
      summaryReport(admin, { group1: "tag", group2: "user" }, tz),
    ]);
  },
  adminUsers: (_user, admin) => listUsers(admin),
};

async function countPages(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, load] of Object.entries(pages)) {
    resetBudgetAlertCache(); // the dashboard's budget totals are cached for 30 s: count a cold page
    out[name] = await count(() => load(s.alice, s.admin));
  }
  return out;
}

it("each main page sends as many queries with 50 rows of everything as with 5", async () => {
  await grow(5);
  const small = await countPages();
  expect((await listEntries(s.alice, ZEntryFilters.parse({}))).entries).toHaveLength(5);
  await grow(50);
  const large = await countPages();
  expect((await listEntries(s.alice, ZEntryFilters.parse({}))).entries).toHaveLength(50);
  expect(await listUsers(s.admin)).toHaveLength(50);
  expect(large).toEqual(small);
  // Every page queries, and none needs more than 15 statements (the week-and-entries page reads 14 since
  // this wave: the tags a member may see and the pickers' recent projects; was 12).
  for (const [page, n] of Object.entries(small))
    expect({ page, n, ok: n > 0 && n <= 15 }).toEqual({ page, n, ok: true });
  if (process.env.SHOW_QUERY_COUNTS) console.log(small);
});
