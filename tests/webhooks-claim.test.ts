// Several app instances on one PostgreSQL: each due webhook delivery is claimed by exactly one
// worker (FOR UPDATE SKIP LOCKED), and a worker never waits for rows another one holds. Under
// `npm run test:pg` two separate connection pools play the two instances; on PGlite (one process,
// one connection) the same SQL runs and claims each row once.
import { connect, type DbConnection } from "@/lib/db/connection";
import { resetEnvCache } from "@/lib/env";
import { claimDueDeliveries } from "@/lib/services/webhook-delivery";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";
import { createWebhookEndpoint } from "@/lib/services/webhooks";

const testDb = setupTestDb();
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const N = 300;
const LATER = () => new Date(Date.now() + 1000);

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
  resetEnvCache();
  const s = await seedTracking();
  const { endpoint } = await createWebhookEndpoint(s.alice, {
    url: "http://127.0.0.1:9/hook",
    events: ["entry.created"],
  });
  await testDb.current().conn.raw.query(
    `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload, updated_at)
     SELECT gen_random_uuid(), $1, gen_random_uuid(), 'entry.created', '{}'::jsonb, now() FROM generate_series(1, ${N})`,
    [endpoint.id],
  );
});
afterAll(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  resetEnvCache();
});

async function drain(conn: DbConnection): Promise<string[]> {
  const got: string[] = [];
  for (;;) {
    const batch = await claimDueDeliveries(7, LATER(), 60_000, conn.raw);
    if (!batch.length) return got;
    got.push(...batch.map((d) => d.id));
  }
}

(onPostgres ? describe : describe.skip)("two workers on one PostgreSQL", () => {
  let second: DbConnection;
  beforeAll(() => {
    const url = testDb.current().conn.pool!.options.connectionString!;
    second = connect({ kind: "postgres", url, poolMax: 3 });
  });
  afterAll(() => second.close());

  it("a worker skips rows another holds, without waiting for them", async () => {
    const first = testDb.current().conn;
    // Worker A sits inside a transaction holding 5 due rows locked.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked: string[] = [];
    const holding = first.raw.withSession((session) =>
      session.transaction(async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `SELECT id FROM webhook_deliveries ORDER BY next_attempt_at LIMIT 5 FOR UPDATE`,
        );
        locked = rows.map((r) => r.id);
        await held;
      }),
    );
    while (locked.length === 0) await new Promise((r) => setImmediate(r));
    const started = Date.now();
    const claimed = await claimDueDeliveries(1000, LATER(), 60_000, second.raw);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(claimed).toHaveLength(N - 5);
    expect(claimed.some((d) => locked.includes(d.id))).toBe(false);
    release();
    await holding;
    // Claimed rows stay leased: nobody else gets them until the lease ends.
    expect(await claimDueDeliveries(1000, LATER(), 60_000, first.raw)).toHaveLength(5);
    expect(await claimDueDeliveries(1000, LATER(), 60_000, second.raw)).toHaveLength(0);
  });

  it("two workers draining the queue at once claim every row exactly once", async () => {
    await testDb
      .current()
      .conn.raw.exec(`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now() - interval '1 minute'`);
    const [a, b] = await Promise.all([drain(testDb.current().conn), drain(second)]);
    expect(a.length + b.length).toBe(N);
    expect(new Set([...a, ...b]).size).toBe(N);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });
});

(onPostgres ? describe.skip : describe)("on PGlite", () => {
  it("the same claim SQL runs and hands out each row once", async () => {
    const [a, b] = await Promise.all([drain(testDb.current().conn), drain(testDb.current().conn)]);
    expect(a.length + b.length).toBe(N);
    expect(new Set([...a, ...b]).size).toBe(N);
  });
});
