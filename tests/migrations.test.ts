// The migration runner against a real database: history in Prisma's table, checksums, all-or-nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DbConnection } from "@/lib/db/connection";
import { checksumOf, migrate, MigrationError, readMigrations } from "@/lib/db/migrate";
import { connectEmptyPglite, MIGRATIONS_DIR } from "./helpers/db";

function tempMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-mig-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrations", () => {
  let conn: DbConnection;
  beforeEach(() => {
    conn = connectEmptyPglite();
  });
  afterEach(async () => {
    await conn.close();
  });

  it("applies the project's migrations once and records them as Prisma does", async () => {
    const first = await migrate(conn.raw, MIGRATIONS_DIR);
    const files = readMigrations(MIGRATIONS_DIR);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const again = await migrate(conn.raw, MIGRATIONS_DIR);
    expect(again).toEqual({ applied: [], alreadyApplied: files.length });
    const rows = await conn.raw.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, r] of rows.entries()) {
      expect(r.checksum).toBe(files[i].checksum);
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    await expect(conn.prisma.user.count()).resolves.toBe(0);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const dir = tempMigrations({ "20260101000000_a": "CREATE TABLE a (id int);" });
    await migrate(conn.raw, dir);
    fs.writeFileSync(path.join(dir, "20260101000000_a", "migration.sql"), "CREATE TABLE a (id bigint);");
    await expect(migrate(conn.raw, dir)).rejects.toThrow(/20260101000000_a was edited after it was applied/);
  });

  it("rolls a failing migration back whole and applies nothing after it", async () => {
    const dir = tempMigrations({
      "20260101000000_ok": "CREATE TABLE ok_t (id int);",
      "20260102000000_bad": "CREATE TABLE half (id int);\nINSERT INTO missing_table VALUES (1);",
      "20260103000000_later": "CREATE TABLE later_t (id int);",
    });
    const err = await migrate(conn.raw, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/20260102000000_bad failed and was rolled back/);
    const tables = await conn.raw.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname='public'`,
    );
    const names = tables.map((t) => t.tablename);
    expect(names).toContain("ok_t");
    expect(names).not.toContain("half");
    expect(names).not.toContain("later_t");
    const history = await conn.raw.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(history.map((h) => h.migration_name)).toEqual(["20260101000000_ok"]);
  });

  it("accepts the same migration checked out with CRLF line endings", async () => {
    const dir = tempMigrations({ "20260101000000_a": "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n" });
    await migrate(conn.raw, dir);
    fs.writeFileSync(
      path.join(dir, "20260101000000_a", "migration.sql"),
      "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n",
    );
    await expect(migrate(conn.raw, dir)).resolves.toEqual({ applied: [], alreadyApplied: 1 });
  });

  it("stops on a migration recorded as failed by Prisma's CLI", async () => {
    const dir = tempMigrations({ "20260101000000_a": "CREATE TABLE a (id int);" });
    await migrate(conn.raw, dir);
    await conn.raw.exec(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', '${checksumOf("x")}', '20260101000001_broken')`,
    );
    await expect(migrate(conn.raw, dir)).rejects.toThrow(/20260101000001_broken is recorded as failed/);
  });
});
