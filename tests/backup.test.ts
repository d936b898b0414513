// Backup → restore round trip: every table of a populated database comes back identical.
import { Readable } from "node:stream";
import { createGzip, gunzipSync } from "node:zlib";
import { backupStream, restoreBackup, startBackup } from "@/lib/services/backup";
import { updateOrgSettings } from "@/lib/services/settings";
import { systemActor } from "@/lib/services/actor";
import { createUser } from "@/lib/services/users";
import { createExpense } from "@/lib/services/expenses";
import { attachReceipt } from "@/lib/services/receipts";
import { createTestDb, setupTestDb, type TestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

const source = setupTestDb();
const sys = systemActor("test:backup");

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of Readable.fromWeb(stream as never)) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

async function dumpTables(db: TestDb): Promise<Record<string, string[]>> {
  const tables = await db.conn.raw.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const rows = await db.conn.raw.query<{ j: string }>(
      `SELECT row_to_json(t)::text AS j FROM "${tablename}" t ORDER BY 1`,
    );
    out[tablename] = rows.map((r) => r.j).sort();
  }
  return out;
}

describe("backup and restore", () => {
  let target: TestDb;
  beforeAll(async () => {
    target = await createTestDb();
  });
  afterAll(async () => {
    await target.close();
  });

  it("round-trips every table exactly, and refuses a non-empty target", async () => {
    await createUser(sys, { username: "ann", email: "ann@example.com", password: "long-password-1", role: "admin" });
    for (let i = 0; i < 620; i++) {
      // Enough rows to cross the 500-row batch boundary; unicode and quotes in values.
      await source
        .current()
        .conn.raw.query(
          `INSERT INTO users (id, username, email, password_hash, full_name, updated_at) VALUES (gen_random_uuid(), $1, $2, 'x', $3, now())`,
          [`u${i}`, `u${i}@example.com`, `Zoë "${i}" ${"\u2603"}\n`],
        );
    }
    await updateOrgSettings(sys, { name: "Acme, Inc.", timezone: "Europe/Amsterdam" });
    const progress: number[] = [];
    const file = await collect(
      backupStream(sys, { onProgress: (p) => progress.push(p.rowsDone), sql: source.current().conn.raw }),
    );
    expect(progress.length).toBeGreaterThan(1);

    const res = await restoreBackup(sys, Readable.from(file), { sql: target.conn.raw });
    expect(res.rows).toBe(622);
    expect(await dumpTables(target)).toEqual(await dumpTables(source.current()));

    await expect(restoreBackup(sys, Readable.from(file), { sql: target.conn.raw })).rejects.toThrow(/not empty/);

    // The size announced before streaming (X-Backup-Rows / X-Backup-Lines) is the file's exact size.
    const { stream, size } = await startBackup(sys, { sql: source.current().conn.raw });
    const lines = gunzipSync(await collect(stream))
      .toString("utf8")
      .split("\n");
    expect(lines.at(-1)).toBe("");
    expect(size.lines).toBe(lines.length - 1);
    const dataLines = lines.filter((l) => l && !/^\{"(format|table|end)":/.test(l));
    expect(size.rows).toBe(dataLines.length);
    expect(size.rows).toBe(res.rows);
  });

  it("rejects a truncated file and writes nothing", async () => {
    await target.truncate();
    const file = await collect(backupStream(sys, { sql: source.current().conn.raw }));
    const text = gunzipSync(file).toString("utf8").split("\n");
    const cut = text.slice(0, text.length - 3).join("\n");
    const gz = await collect(Readable.toWeb(Readable.from([cut]).pipe(createGzip())) as ReadableStream<Uint8Array>);
    await expect(restoreBackup(sys, Readable.from(gz), { sql: target.conn.raw })).rejects.toThrow(/truncated/);
    const n = await target.conn.raw.query<{ n: string }>(`SELECT count(*)::text AS n FROM users`);
    expect(n[0].n).toBe("0");
  });

  it("rejects a file that is not a backup", async () => {
    const gz = await collect(
      Readable.toWeb(Readable.from(['{"hello":1}\n']).pipe(createGzip())) as ReadableStream<Uint8Array>,
    );
    await expect(restoreBackup(sys, Readable.from(gz), { sql: target.conn.raw })).rejects.toThrow(
      /not a TimeTracker backup/,
    );
  });

  it("carries receipt files byte for byte", async () => {
    await target.truncate();
    const s = await seedTracking("-files");
    const sizes = [0.25, 1, 0.0625].map((mb) => mb * 1024 * 1024);
    for (const [i, size] of sizes.entries()) {
      const bytes = new Uint8Array(size).map((_, j) => (j * 31 + i) % 251);
      bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
      const e = await createExpense(s.alice, { projectId: s.project.id, date: "2026-03-10", amount: "10" });
      await attachReceipt(s.alice, { id: e.id, file: new File([bytes], "r.pdf") });
    }
    const file = await collect(backupStream(sys, { sql: source.current().conn.raw }));
    await restoreBackup(sys, Readable.from(file), { sql: target.conn.raw });
    const files = (db: TestDb) =>
      db.conn.raw.query<{ n: number; md5: string }>(
        `SELECT octet_length(bytes) AS n, md5(bytes) AS md5 FROM expense_receipts ORDER BY 1`,
      );
    const restored = await files(target);
    expect(restored.map((r) => Number(r.n))).toEqual([...sizes].sort((a, b) => a - b));
    expect(restored).toEqual(await files(source.current()));
  });
});
