// Gives a test file its own fresh, migrated database and installs it as the app's connection:
// an in-memory PGlite by default, or a throw-away database on the PostgreSQL server named by
// TEST_DATABASE_URL (npm run test:pg). No mocks: the services run against a real database.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Client } from "pg";
import { connect, type DbConnection } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { setDbConnection } from "@/lib/db";

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

export interface TestDb {
  conn: DbConnection;
  kind: "pglite" | "postgres";
  /** Empties every application table (keeps the migration history). */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh migrated database, not installed as the app's connection. */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let conn: DbConnection;
  let drop: () => Promise<void> = async () => {};
  if (serverUrl) {
    const name = `tt_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    conn = connect({ kind: "postgres", url: url.toString(), poolMax: 5 });
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    conn = connect({ kind: "pglite" });
  }
  await migrate(conn.raw, MIGRATIONS_DIR);
  return {
    conn,
    kind: conn.raw.kind,
    async truncate() {
      const rows = await conn.raw.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      );
      if (rows.length) await conn.raw.exec(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`);
    },
    async close() {
      await conn.close();
      await drop();
    },
  };
}

/** Installs a fresh database for this test file (beforeAll) and removes it afterwards (afterAll). */
export function setupTestDb(): { current: () => TestDb } {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await createTestDb();
    setDbConnection(db.conn);
  });
  afterAll(async () => {
    setDbConnection(undefined);
    await db?.close();
  });
  return {
    current: () => {
      if (!db) throw new Error("setupTestDb: database not ready (use it inside tests)");
      return db;
    },
  };
}
