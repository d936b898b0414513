// PGlite is a single-connection database: two processes writing one data folder corrupt it.
// A lock file with the owner's pid makes the second process fail with a clear message instead.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open by another TimeTracker process (pid ${pid}). ` +
        "Stop that process, or point DATA_DIR at another folder, or use PostgreSQL via DATABASE_URL.",
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock for this process; returns a release function. Stale locks are taken over. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "timetracker.lock");
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, body, { flag: "wx" });
      const release = () => {
        try {
          const owner = JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: number };
          if (owner.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let owner = 0;
      try {
        owner = Number((JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: number }).pid) || 0;
      } catch {
        // Unreadable lock (half-written by a crash): treat as stale.
      }
      if (owner === process.pid) return () => {};
      if (owner && isAlive(owner)) throw new DataDirLockedError(dir, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
