// DATABASE_REPLICA_URL: reports and CSV exports read the replica, everything a user just wrote and
// expects to see (entries, the timer) reads the primary. The "replica" here is a second real
// database that has not received the primary's rows yet, i.e. a replica at its worst lag.
import { readConnection, setReplicaConnection } from "@/lib/db";
import { parseEnv } from "@/lib/env";
import { exportEntriesCsv } from "@/lib/services/export";
import { getEntry, createManualEntry } from "@/lib/services/entries";
import { summaryReport } from "@/lib/services/reports";
import { ZEntryFilters } from "@/lib/validation/reports";
import { createTestDb, setupTestDb, type TestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
let replica: TestDb;
beforeAll(async () => {
  replica = await createTestDb();
});
afterAll(async () => {
  setReplicaConnection(undefined);
  await replica.close();
});

const csvLines = async (s: ReadableStream<Uint8Array>) =>
  (await new Response(s).text()).trim().split("\n").filter(Boolean).length;

test("reports and exports read the replica; the entry just written reads from the primary", async () => {
  const s = await seedTracking();
  const e = await createManualEntry(s.alice, { projectId: s.project.id, date: "2026-03-02", duration: "2h" });
  const report = () => summaryReport(s.admin, { from: "2026-03-01", to: "2026-03-31", group1: "project" }, "UTC");
  const filters = ZEntryFilters.parse({});

  expect(readConnection()).toBe(testDb.current().conn); // no replica configured: the primary
  expect((await report()).totals.seconds).toBe(7200);
  expect(await csvLines(await exportEntriesCsv(s.admin, filters, "UTC"))).toBe(2); // header + the entry

  setReplicaConnection(replica.conn);
  try {
    expect((await report()).rows).toEqual([]);
    expect(await csvLines(await exportEntriesCsv(s.admin, filters, "UTC"))).toBe(1); // header only
    expect((await getEntry(s.alice, e.id)).id).toBe(e.id);
  } finally {
    setReplicaConnection(undefined);
  }
});

test("a replica without a primary is a configuration error, named at start", () => {
  expect(() => parseEnv({ DATABASE_REPLICA_URL: "postgres://replica/db" })).toThrow(
    "Invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL (a replica of which primary?)",
  );
  expect(() => parseEnv({ DATABASE_URL: "postgres://p/db", DATABASE_REPLICA_URL: "mysql://r/db" })).toThrow(
    /DATABASE_REPLICA_URL must be a postgres/,
  );
});
