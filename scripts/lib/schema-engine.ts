// Prisma's own schema engine (WASM build) over PGlite, so migrations can be authored and checked with no
// network: the Prisma CLI's native engine is downloaded from a CDN on first use, which fails offline.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine, SchemasContainer } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";

type BgModule = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// The project's layout, as in prisma.config.ts; resolved from this file so any working directory works.
const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

const EMPTY_FILTERS = { externalTables: [], externalEnums: [] };
const DEFAULT_LOCKFILE = 'provider = "postgresql"\n';

// The package is a wasm-bindgen *bundler* build (`import * as wasm from "./x.wasm"`), which Node cannot
// import. Do the bundler's job: instantiate the .wasm with the glue module's exports as its imports.
async function loadEngineModule(): Promise<BgModule> {
  const bgPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = (await import(pathToFileURL(bgPath).href)) as BgModule & Record<string, unknown>;
  const wasm = await WebAssembly.compile(await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm")));
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const imp of WebAssembly.Module.imports(wasm)) {
    const value = bg[imp.name];
    // A missing import means the .js and .wasm come from different builds: fail loudly, not mid-diff.
    if (typeof value !== "function") throw new Error(`schema-engine-wasm: glue lacks import ${imp.name}`);
    (imports[imp.module] ??= {})[imp.name] = value as WebAssembly.ImportValue;
  }
  const instance = new WebAssembly.Instance(wasm, imports);
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

// pglite-prisma-adapter@0.7.2's executeScript calls `client.exec(script)` without awaiting it, so a
// migration that fails on the shadow database looks applied. Await it, and hand Postgres errors to the
// engine as driver errors so its message names the failing migration and the Postgres error.
function awaitingScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (e) {
      const pg = e as { code?: string; severity?: string; message?: string; detail?: string; hint?: string };
      if (typeof pg.code !== "string") throw e;
      throw new DriverAdapterError({
        kind: "postgres",
        code: pg.code,
        severity: pg.severity ?? "ERROR",
        message: pg.message ?? String(e),
        detail: pg.detail,
        column: undefined,
        hint: pg.hint,
      });
    }
  };
  return adapter;
}

// Two in-memory databases: `main` (for a diff the engine only asks it for the server version) and a
// shadow on which the migrations are replayed. The shadow is loaded from a dump of the untouched main:
// as empty as a fresh one, but ~1.5 s instead of a second PGlite initdb (~3.5 s on 2 cores).
function pgliteFactory(main: PGlite, opened: PGlite[]): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPGlite(main);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => awaitingScripts(await base.connect(), main),
    connectToShadowDb: async () => {
      const shadow = new PGlite({ loadDataDir: await main.dumpDataDir("none") });
      opened.push(shadow);
      return awaitingScripts(await new PrismaPGlite(shadow).connect(), shadow);
    },
  };
}

// Engine failures arrive as Errors or plain objects; keep the text a developer needs, minus the engine's
// Rust span trace ("   0: schema_engine_wasm::...") that follows it.
export function engineErrorMessage(e: unknown): string {
  const text =
    e instanceof Error
      ? e.message
      : typeof e === "object" && e !== null && "message" in e
        ? String((e as { message: unknown }).message)
        : String(e);
  return text.split(/\n\s*0: schema_engine/)[0].trimEnd();
}

async function withEngine<T>(
  schemaPath: string,
  schema: string,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bg = await loadEngineModule();
  const main = new PGlite();
  const opened = [main];
  // The engine logs JSON lines; only warnings and errors are worth a developer's attention.
  const log = (line: string) => {
    if (/"level":"(WARN|ERROR)"/.test(line)) process.stderr.write(line);
  };
  try {
    const factory = bindMigrationAwareSqlAdapterFactory(pgliteFactory(main, opened));
    const engine = await bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, factory);
    try {
      return await run(engine);
    } finally {
      engine.free();
    }
  } finally {
    // Closing every PGlite lets the process exit promptly instead of idling on their handles.
    await Promise.all(opened.map((db) => db.close().catch(() => {})));
  }
}

// prisma/migrations as the engine expects it: sorted <timestamp>_<name> folders with migration.sql.
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const lockfile = await readFile(path.join(baseDir, "migration_lock.toml"), "utf8").catch(() => DEFAULT_LOCKFILE);
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const file = path.join(baseDir, dir, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (e: unknown) => ({ tag: "error" as const, value: `Cannot read ${file}: ${engineErrorMessage(e)}` }),
        );
        return { path: dir, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

async function readSchema(schemaPath: string): Promise<{ path: string; content: string; container: SchemasContainer }> {
  const abs = path.resolve(schemaPath);
  const content = await readFile(abs, "utf8");
  return { path: abs, content, container: { files: [{ path: abs, content }] } };
}

export interface DiffOutcome {
  /** 0: in sync, 2: the schema needs SQL the migrations do not contain (Prisma's --exit-code). */
  exitCode: number;
  sql: string;
}

// SQL that would take a database built from the migrations to the schema. The engine replays the
// migrations on the shadow database, so a migration that fails to apply rejects this promise.
export async function diffMigrationsToSchema(opts: {
  migrationsDir: string;
  schemaPath: string;
}): Promise<DiffOutcome> {
  const schema = await readSchema(opts.schemaPath);
  const migrations = await readMigrationsList(opts.migrationsDir);
  // Always from the migrations, even when there are none yet. `{ tag: "empty" }` would also work then, but
  // it adds `CREATE SCHEMA IF NOT EXISTS "public"`, which `prisma migrate dev` does not write and which a
  // database user without CREATE on the database cannot run. Replaying on the shadow matches migrate dev.
  const from = { tag: "migrations" as const, ...migrations };
  return withEngine(schema.path, schema.content, async (engine) => {
    const res = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", ...schema.container },
      script: true,
      exitCode: true,
      filters: EMPTY_FILTERS,
    });
    // The WASM engine returns the script in `stdout` (the native CLI prints it instead).
    return { exitCode: res.exitCode, sql: res.stdout ?? "" };
  });
}
