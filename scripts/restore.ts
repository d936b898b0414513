// `npm run restore -- <file>`: restores a backup (from Admin → Backup or `npm run backup`) into the
// configured database, which must be empty. Migrates it first; all-or-nothing.
import fs from "node:fs";
import { closeDb, dbConnection, ensureMigrated } from "@/lib/db";
import { systemActor } from "@/lib/services/actor";
import { restoreBackup, type BackupProgress } from "@/lib/services/backup";

async function main() {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    console.error("Usage: npm run restore -- <backup.jsonl.gz>  (into an empty database; DATABASE_URL or DATA_DIR)");
    process.exitCode = 2;
    return;
  }
  try {
    await ensureMigrated();
    let last = "";
    const onProgress = (p: BackupProgress) => {
      const line = `${p.table}: ${p.rowsDone}/${p.rowsTotal}`;
      if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(60)}`);
      else if (p.table !== last) console.log(`restoring ${p.table}…`);
      last = p.table;
    };
    const res = await restoreBackup(systemActor("cli:restore"), fs.createReadStream(file), {
      sql: dbConnection().raw,
      onProgress,
    });
    if (process.stdout.isTTY) process.stdout.write("\n");
    console.log(`Restored ${res.rows} rows in ${res.tables} tables.`);
  } catch (err) {
    console.error(`Restore failed, nothing was written: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

void main();
