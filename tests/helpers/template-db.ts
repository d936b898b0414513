// Migrate once, copy per test file. Jest's globalSetup builds ONE migrated template before the
// workers start (and one never-migrated PGlite folder for the migration runner's own tests);
// every test file then gets its own copy (tests/helpers/db.ts):
//   PGlite:     a data folder (on /dev/shm when there is one), copied per file, so no file pays for
//               PostgreSQL's initdb and the migrations again (~2-6 s each on a busy 2-core host);
//   PostgreSQL: a database tt_tpl_*, cloned per file with CREATE DATABASE … TEMPLATE.
// The workers inherit the environment variables set here. Relative imports only: globalSetup runs
// outside Jest's module mapper.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { Client, Pool } from "pg";
import { migrate } from "../../lib/db/migrate";
import { rawFromPGlite, rawFromPool } from "../../lib/db/raw";

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");
/** Set by globalSetup: the migrated PGlite data folder to copy. */
export const PGLITE_TEMPLATE_VAR = "TT_TEST_PGLITE_TEMPLATE";
/** Set by globalSetup: an initialised but never migrated PGlite data folder. */
export const PGLITE_EMPTY_TEMPLATE_VAR = "TT_TEST_PGLITE_EMPTY_TEMPLATE";
/** Set by globalSetup under TEST_DATABASE_URL: the migrated database to clone. */
export const PG_TEMPLATE_VAR = "TT_TEST_PG_TEMPLATE";

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A folder for throw-away data folders: RAM-backed when the host has /dev/shm. */
export function scratchRoot(): string {
  return fs.existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
}

/** Two folders: "empty" (initdb only, for the migration runner's own tests) and "data" (migrated). */
async function pgliteTemplates(): Promise<{ empty: string; migrated: string }> {
  const root = fs.mkdtempSync(path.join(scratchRoot(), "tt-test-template-"));
  const empty = path.join(root, "empty");
  const migrated = path.join(root, "data");
  await new PGlite(empty).close();
  fs.cpSync(empty, migrated, { recursive: true });
  const engine = new PGlite(migrated);
  try {
    await migrate(rawFromPGlite(engine), MIGRATIONS_DIR);
  } finally {
    await engine.close();
  }
  return { empty, migrated };
}

async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `tt_tpl_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const pool = new Pool({ connectionString: databaseUrl(serverUrl, name), max: 1 });
  try {
    await migrate(rawFromPool(pool), MIGRATIONS_DIR);
  } finally {
    await pool.end();
  }
  return name;
}

export async function globalSetup(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const pglite = await pgliteTemplates();
  process.env[PGLITE_EMPTY_TEMPLATE_VAR] = pglite.empty;
  if (serverUrl) process.env[PG_TEMPLATE_VAR] = await postgresTemplate(serverUrl);
  else process.env[PGLITE_TEMPLATE_VAR] = pglite.migrated;
}

export async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const pg = process.env[PG_TEMPLATE_VAR];
  if (serverUrl && pg) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${pg} WITH (FORCE)`);
  const dir = process.env[PGLITE_EMPTY_TEMPLATE_VAR];
  if (dir) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}
