// The embedded database takes its statements in turns (lib/db/pglite-turns.ts): first come, first
// served, each in its own event-loop turn, so a backlog of SQL never stops the server from
// accepting connections and reading requests. PGlite only: PostgreSQL runs SQL in its own processes.
import net from "node:net";
import type { DbConnection } from "@/lib/db/connection";
import { connectEmptyPglite } from "./helpers/db";

const onPglite = !process.env.TEST_DATABASE_URL;
let conn: DbConnection;

beforeAll(async () => {
  conn = connectEmptyPglite();
  await conn.raw.exec("CREATE TABLE t (id int PRIMARY KEY, note text NOT NULL)");
});
afterAll(() => conn.close());

(onPglite ? test : test.skip)("a new connection is accepted while hundreds of statements are queued", async () => {
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  let done = 0;
  const QUERIES = 300;
  // Each a few milliseconds of SQL: the whole backlog is ~1 s of work on one thread.
  const backlog = Array.from({ length: QUERIES }, () =>
    conn.raw.query("SELECT sum(g) AS s FROM generate_series(1, 20000) g").then(() => done++),
  );
  const acceptedAfter = new Promise<number>((resolve) => server.once("connection", () => resolve(done)));
  const client = net.connect(port, "127.0.0.1");
  client.on("error", () => {});
  const doneAtAccept = await acceptedAfter;
  await Promise.all(backlog);
  client.destroy();
  await new Promise((r) => server.close(r));
  // Without turns the accept waits for the whole backlog (doneAtAccept = 300).
  expect(doneAtAccept).toBeLessThan(QUERIES / 10);
  expect(done).toBe(QUERIES);
});

test("statements and transactions complete in arrival order, with correct results", async () => {
  const finished: string[] = [];
  const ops: Promise<unknown>[] = [];
  for (let i = 0; i < 60; i++) {
    if (i % 3 === 0) {
      ops.push(
        conn.raw
          .withSession((s) =>
            s.transaction(async (tx) => {
              await tx.query("INSERT INTO t (id, note) VALUES ($1, $2)", [i, `n${i}`]);
              return tx.query<{ c: number }>("SELECT count(*)::int AS c FROM t WHERE id = $1", [i]);
            }),
          )
          .then((rows) => {
            expect(rows[0].c).toBe(1);
            finished.push(`tx${i}`);
          }),
      );
    } else {
      ops.push(
        conn.raw.query<{ v: number }>("SELECT $1::int * 2 AS v", [i]).then((rows) => {
          expect(rows[0].v).toBe(i * 2);
          finished.push(`q${i}`);
        }),
      );
    }
  }
  await Promise.all(ops);
  expect(finished).toEqual(Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `tx${i}` : `q${i}`)));
  const [{ c }] = await conn.raw.query<{ c: number }>("SELECT count(*)::int AS c FROM t");
  expect(c).toBe(20);
});

test("a failing statement or transaction rejects alone; the queue and the data carry on", async () => {
  const failing = conn.raw.query("SELECT * FROM no_such_table");
  const rolledBack = conn.raw.withSession((s) =>
    s.transaction(async (tx) => {
      await tx.query("INSERT INTO t (id, note) VALUES (1000, 'kept?')");
      throw new Error("changed my mind");
    }),
  );
  const after = conn.raw.query<{ c: number }>("SELECT count(*)::int AS c FROM t WHERE id = 1000");
  await expect(failing).rejects.toThrow(/no_such_table/);
  await expect(rolledBack).rejects.toThrow("changed my mind");
  expect((await after)[0].c).toBe(0);
  expect(conn.queued?.()).toBe(0);
});
