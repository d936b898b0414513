// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { closeDb, dbConnection, ensureMigrated } from "@/lib/db";
import { env } from "@/lib/env";

async function main() {
  try {
    env();
    const kind = dbConnection().raw.kind;
    const res = await ensureMigrated();
    console.log(
      res.applied.length
        ? `Applied ${res.applied.length} migration(s) to ${kind}: ${res.applied.join(", ")}`
        : `Database (${kind}) is up to date: ${res.alreadyApplied} migration(s) applied.`,
    );
  } catch (err) {
    console.error(`Migration failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

void main();
