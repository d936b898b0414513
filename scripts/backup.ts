// `npm run backup -- [file]`: writes a backup of the configured database (default: a dated file in
// the current folder). For PGlite the server must be stopped (one process per data folder).
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { closeDb, ensureMigrated } from "@/lib/db";
import { systemActor } from "@/lib/services/actor";
import { backupStream } from "@/lib/services/backup";

async function main() {
  const file = process.argv[2] ?? `timetracker-backup-${new Date().toISOString().slice(0, 10)}.jsonl.gz`;
  try {
    await ensureMigrated();
    await pipeline(
      Readable.fromWeb(backupStream(systemActor("cli:backup")) as never),
      fs.createWriteStream(file, { flags: "wx" }),
    );
    console.log(`Backup written to ${file}`);
  } catch (err) {
    console.error(`Backup failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

void main();
