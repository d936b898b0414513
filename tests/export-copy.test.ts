// The CSV export's COPY path on PostgreSQL (lib/services/export-sql.ts through lib/db/copy-text.ts)
// writes the same bytes as the keyset batches formatted in Node (the PGlite path, whose own contract
// is tests/export-csv.test.ts): amounts whose cents end in exactly .5, a running entry in the future
// (negative amount), dated rates, money hidden from members, a member's scope; falls back to the
// batches for an instant PostgreSQL cannot format like Node; and a cancelled download gives its
// connection back at once. On PGlite the export always uses the batches: only the scope test runs.
import { setReplicaConnection } from "@/lib/db";
import { onDbQuery } from "@/lib/observability/db-hooks";
import type { Actor } from "@/lib/services/actor";
import { exportEntriesCsv } from "@/lib/services/export";
import { updateOrgSettings } from "@/lib/services/settings";
import { ZEntryFilters } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
const onPg = () => testDb.current().kind === "postgres";
let s: Awaited<ReturnType<typeof seedTracking>>;
let copies = 0;
onDbQuery((_model, operation) => {
  if (operation === "copy") copies++;
});
const all = ZEntryFilters.parse({});
const sql = (text: string, values: unknown[] = []) => testDb.current().conn.raw.query(text, values);

beforeAll(async () => {
  s = await seedTracking();
  // Rates in cents that make many amounts a tie (x.5 cents) or odd: 30, 45 and 7550 per hour, one
  // project at its client's default (100.00), and a large one.
  const rates = [30, 45, 7550, null, 2_000_000];
  const projects: string[] = [];
  for (const [i, rate] of rates.entries()) {
    const [p] = await sql(
      `INSERT INTO projects (id, client_id, name, billable, hourly_rate_cents, created_at, updated_at)
       VALUES (gen_random_uuid(), $1::uuid, $2, true, $3, now(), now()) RETURNING id::text AS id`,
      [s.client.id, `P${i} "quoted", x`, rate],
    );
    projects.push((p as { id: string }).id);
  }
  // 400 entries: durations of 0–299 minutes plus 0.001, 29.999, 30 or 30.001 seconds (the rounding
  // edges), across the projects and both users, every ninth not billable.
  await sql(
    `INSERT INTO time_entries (id, user_id, project_id, start, "end", notes, billable, source, created_at, updated_at)
     SELECT gen_random_uuid(), CASE WHEN k % 2 = 0 THEN $1::uuid ELSE $2::uuid END, ($3::uuid[])[1 + k % 5],
            t, t + make_interval(mins => (k * 7) % 300) + (ARRAY[0.001, 29.999, 30, 30.001])[1 + k % 4] * interval '1 second',
            CASE WHEN k % 3 = 0 THEN '=x, "y"' ELSE 'n' || k END, k % 9 <> 0, 'manual', t, now()
     FROM generate_series(0, 399) k, LATERAL (SELECT timestamptz '2026-01-05 08:00:00+00' + k * interval '3 hours 7 minutes' AS t) x`,
    [s.alice.id, s.bob.id, projects],
  );
  // A running timer that starts in an hour: its duration, and so its amount, is negative.
  await sql(
    `INSERT INTO time_entries (id, user_id, project_id, start, notes, billable, source, created_at, updated_at)
     VALUES (gen_random_uuid(), $1::uuid, $2::uuid, now() + interval '1 hour 15 seconds', '', true, 'timer', now(), now())`,
    [s.alice.id, projects[2]],
  );
});

async function read(actor: Actor, tz: string): Promise<string> {
  return new Response(await exportEntriesCsv(actor, all, tz)).text();
}

/** The export through COPY, and the same through the batches (a connection without COPY, installed
 * as the "replica": the same database). */
async function both(actor: Actor, tz: string): Promise<{ copy: string; batches: string; copied: number }> {
  const before = copies;
  const copy = await read(actor, tz);
  const copied = copies - before;
  setReplicaConnection({ ...testDb.current().conn, copyText: null });
  try {
    return { copy, batches: await read(actor, tz), copied };
  } finally {
    setReplicaConnection(undefined);
  }
}

const pgIt = (name: string, fn: () => Promise<void>) =>
  it(name, async () => {
    if (onPg()) await fn();
  });

describe("CSV export through COPY", () => {
  pgIt("writes the same bytes as the batches: ties, large and negative amounts, zones", async () => {
    for (const [tz, d] of [
      ["Europe/Berlin", ","],
      ["America/St_Johns", ";"],
      ["Asia/Kathmandu", "\t"],
    ] as const) {
      await updateOrgSettings(s.admin, { csvDelimiter: d });
      const got = await both(s.admin, tz);
      expect(got.copied).toBe(1);
      expect(got.copy.split("\r\n")).toHaveLength(1 + 400 + 1 + 1); // header, entries, running, final ""
      expect(got.copy).toBe(got.batches);
      expect(got.copy).toMatch(/'-\d+\.\d\d/); // the running entry's negative amount
    }
    await updateOrgSettings(s.admin, { csvDelimiter: "," });
  });

  pgIt("with dated rates, the same bytes as the batches", async () => {
    await sql(
      `INSERT INTO rates (id, client_id, effective_from, hourly_rate, created_at)
       VALUES (gen_random_uuid(), $1::uuid, '2026-01-20', 1515, now())`,
      [s.client.id],
    );
    await sql(
      `INSERT INTO rates (id, user_id, effective_from, hourly_rate, created_at)
       VALUES (gen_random_uuid(), $1::uuid, '2026-02-01', 3333, now())`,
      [s.bob.id],
    );
    try {
      const got = await both(s.admin, "Europe/Berlin");
      expect(got.copied).toBe(1);
      expect(got.copy).toBe(got.batches);
    } finally {
      await sql("DELETE FROM rates");
    }
  });

  it("keeps a member to their own entries, with money hidden or shown", async () => {
    const aliceEntries = new Set(
      (
        (await sql("SELECT id::text AS id FROM time_entries WHERE user_id = $1::uuid", [s.alice.id])) as {
          id: string;
        }[]
      ).map((r) => r.id),
    );
    for (const membersSeeMoney of [false, true]) {
      await updateOrgSettings(s.admin, { membersSeeMoney });
      const got = await both(s.alice, "UTC");
      const rows = got.copy.split("\r\n").slice(1, -1);
      expect(rows).toHaveLength(aliceEntries.size);
      for (const row of rows) expect(aliceEntries.has(row.split(",")[0])).toBe(true);
      const amounts = rows.map((r) => r.split(",").at(-2));
      if (membersSeeMoney) expect(amounts.some((a) => a && a !== "0.00")).toBe(true);
      else expect(amounts.every((a) => a === "")).toBe(true);
      if (onPg()) {
        expect(got.copied).toBe(1);
        expect(got.copy).toBe(got.batches);
      }
    }
  });

  pgIt("falls back to the batches for an instant before 1972 (when offsets could have seconds)", async () => {
    const [e] = (await sql(
      `INSERT INTO time_entries (id, user_id, start, "end", notes, billable, source, created_at, updated_at)
       VALUES (gen_random_uuid(), $1::uuid, '1970-06-01 10:00:00+00', '1970-06-01 11:00:00+00', 'old', false, 'import', now(), now())
       RETURNING id::text AS id`,
      [s.bob.id],
    )) as { id: string }[];
    try {
      // Liberia kept -00:44:30 until January 1972.
      const got = await both(s.admin, "Africa/Monrovia");
      expect(got.copied).toBe(1); // tried, refused before the first row
      expect(got.copy).toBe(got.batches);
      expect(got.copy).toContain(`${e.id},bob,,,,1970-06-01T09:15:30-00:44,`);
    } finally {
      await sql("DELETE FROM time_entries WHERE id = $1::uuid", [e.id]);
    }
  });

  pgIt("a cancelled download ends its COPY and gives the connection back", async () => {
    await sql(
      `INSERT INTO time_entries (id, user_id, start, "end", notes, billable, source, created_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, t, t + interval '1 hour', repeat('long note ', 40), true, 'bulk', t, now()
       FROM generate_series(1, 20000) k, LATERAL (SELECT timestamptz '2025-01-01 00:00:00+00' + k * interval '1 minute' AS t) x`,
      [s.bob.id],
    );
    const copying = async () =>
      (
        (await sql(
          `SELECT pid FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE 'COPY (%'`,
        )) as { pid: number }[]
      ).map((r) => r.pid);
    const connected = async (pid: number) =>
      ((await sql("SELECT pid FROM pg_stat_activity WHERE pid = $1", [pid])) as unknown[]).length > 0;
    const reader = (await exportEntriesCsv(s.admin, all, "UTC")).getReader();
    await reader.read(); // the header
    const first = await reader.read(); // the first rows: the COPY is running and stalled on back-pressure
    expect(first.value!.length).toBeGreaterThan(0);
    const [pid] = await copying();
    expect(pid).toBeGreaterThan(0);
    await reader.cancel();
    // Closed, not returned to the pool mid-COPY: its backend ends (polled, at most 10 s).
    const deadline = Date.now() + 10_000;
    while ((await connected(pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await connected(pid)).toBe(false);
    expect(await copying()).toEqual([]);
    // The pool still works, and a new export reads everything.
    const text = await read(s.admin, "UTC");
    expect(text.split("\r\n").length).toBeGreaterThan(20_000);
  });
});
