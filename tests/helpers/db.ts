// Gives a test file its own migrated database and installs it as the app's connection: a copy of
// the run's migrated template (tests/helpers/template-db.ts) — a PGlite data folder by default, or
// a database cloned with CREATE DATABASE … TEMPLATE on the PostgreSQL server named by
// TEST_DATABASE_URL (npm run test:pg). No mocks: the services run against a real database.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { connect, type ConnectOptions, type DbConnection } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { setDbConnection } from "@/lib/db";
import {
  adminQuery,
  databaseUrl,
  MIGRATIONS_DIR,
  PG_TEMPLATE_VAR,
  PGLITE_EMPTY_TEMPLATE_VAR,
  PGLITE_TEMPLATE_VAR,
  scratchRoot,
} from "./template-db";

export { MIGRATIONS_DIR };

export interface TestDb {
  conn: DbConnection;
  kind: "pglite" | "postgres";
  /** Empties every application table (keeps the migration history). */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

// CREATE DATABASE … TEMPLATE refuses while another session is still connected to the template
// ("source database … is being accessed by other users"): only globalSetup's, briefly.
async function cloneDatabase(serverUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/** connect(), but close() also takes back the process "exit" listeners that opening added (the
 * data-folder lock's, which its release leaves behind): one per test file would pile up in a Jest
 * worker and print MaxListenersExceededWarning. */
function connectForTest(opts: ConnectOptions, cleanup: () => void = () => {}): DbConnection {
  const before = new Set(process.listeners("exit"));
  const conn = connect(opts);
  const added = process.listeners("exit").filter((l) => !before.has(l));
  return {
    ...conn,
    async close() {
      await conn.close();
      for (const l of added) process.removeListener("exit", l);
      cleanup();
    },
  };
}

/** A PGlite connection on a private copy of a template data folder; close() removes the copy. */
function pgliteCopyOf(template: string): DbConnection {
  const root = fs.mkdtempSync(path.join(scratchRoot(), "tt-test-db-"));
  const dir = path.join(root, "data");
  fs.cpSync(template, dir, { recursive: true });
  return connectForTest({ kind: "pglite", dataDir: dir }, () => fs.rmSync(root, { recursive: true, force: true }));
}

/** An empty PGlite database (initialised, never migrated), e.g. for the migration runner's tests:
 * a copy of the run's empty template, else a fresh in-memory one. Always PGlite. */
export function connectEmptyPglite(): DbConnection {
  const template = process.env[PGLITE_EMPTY_TEMPLATE_VAR];
  return template ? pgliteCopyOf(template) : connectForTest({ kind: "pglite" });
}

/** A fresh migrated database, not installed as the app's connection. */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let conn: DbConnection;
  let drop: () => Promise<void> = async () => {};
  let migrated = false;
  if (serverUrl) {
    const name = `tt_test_${randomBytes(6).toString("hex")}`;
    const template = process.env[PG_TEMPLATE_VAR];
    if (template) await cloneDatabase(serverUrl, name, template);
    else await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    migrated = Boolean(template);
    conn = connectForTest({ kind: "postgres", url: databaseUrl(serverUrl, name), poolMax: 5 });
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else if (process.env[PGLITE_TEMPLATE_VAR]) {
    conn = pgliteCopyOf(process.env[PGLITE_TEMPLATE_VAR]!);
    migrated = true;
  } else {
    // Without the globalSetup (a custom Jest config): a fresh in-memory database.
    conn = connectForTest({ kind: "pglite" });
  }
  if (!migrated) await migrate(conn.raw, MIGRATIONS_DIR);
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
