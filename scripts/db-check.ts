// `npm run db:check`: exit 1 when prisma/schema.prisma and prisma/migrations disagree (offline; CI runs it).
import path from "node:path";
import { diffMigrationsToSchema, engineErrorMessage, MIGRATIONS_DIR, SCHEMA_PATH } from "./lib/schema-engine";

async function main(): Promise<number> {
  let outcome;
  try {
    outcome = await diffMigrationsToSchema({ migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH });
  } catch (e) {
    // Typically a migration that no longer applies on a fresh database, or an invalid schema.
    console.error(
      `db:check failed: the migrations could not be replayed or the schema is invalid.\n\n${engineErrorMessage(e)}`,
    );
    return 1;
  }
  if (outcome.exitCode === 0) {
    console.log("Schema and migrations are in sync.");
    return 0;
  }
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  console.error(`Drift: ${rel(SCHEMA_PATH)} needs SQL that ${rel(MIGRATIONS_DIR)} does not contain:\n`);
  console.error(outcome.sql.trimEnd());
  console.error("\nTo add it as a migration, run npm run db:migration:create -- <name>");
  return 1;
}

void main().then((code) => {
  process.exitCode = code;
});
