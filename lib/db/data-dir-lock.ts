// PGlite is a single-connection database: two processes writing one data folder corrupt it.
// A lock file makes the second process fail with a clear message instead. The file records the
// owner's host name, pid and a random start token, and the owner refreshes its mtime (heartbeat):
// on the same host a dead pid means a stale lock; from another host (two containers sharing one
// volume, both pid 1) only a heartbeat older than LOCK_STALE_MS does.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE = "timetracker.lock";
export const LOCK_HEARTBEAT_MS = 5_000;
export const LOCK_STALE_MS = 30_000;

export interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, owner: Pick<LockOwner, "pid" | "host">, ageMs?: number) {
    const where =
      ageMs === undefined
        ? `(pid ${owner.pid})`
        : `on host "${owner.host}" (pid ${owner.pid}, alive ${Math.round(ageMs / 1000)} s ago)`;
    super(
      `The embedded database in ${dir} is already open by another TimeTracker process ${where}. ` +
        "Stop that process, or point DATA_DIR at another folder, or use PostgreSQL via DATABASE_URL. " +
        (ageMs === undefined
          ? ""
          : `Only one container may use this volume; if that one is gone, the lock expires ${Math.round(LOCK_STALE_MS / 1000)} s after its last heartbeat.`),
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

function readOwner(file: string): (Partial<LockOwner> & { ageMs: number }) | null {
  try {
    const ageMs = Date.now() - fs.statSync(file).mtimeMs;
    return { ...(JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockOwner>), ageMs };
  } catch {
    return null; // gone, or half-written by a crash: stale
  }
}

/** Throws DataDirLockedError when the recorded owner is alive; returns otherwise (stale). */
function refuseIfHeld(dir: string, owner: Partial<LockOwner> & { ageMs: number }, me: LockOwner): void {
  const pid = Number(owner.pid) || 0;
  const host = owner.host ?? me.host;
  if (host === me.host) {
    // Same host: the pid tells. Our own pid with another token is an earlier run of this program
    // (a container restarted as pid 1 again), which is gone.
    if (pid && pid !== me.pid && isAlive(pid)) throw new DataDirLockedError(dir, { pid, host });
    return;
  }
  // Another host: its pids mean nothing here; only a fresh heartbeat proves it is alive.
  if (owner.ageMs < LOCK_STALE_MS) throw new DataDirLockedError(dir, { pid, host }, owner.ageMs);
}

/** Takes the folder's lock for this process; returns a release function. Stale locks are taken over. */
export function lockDataDir(dir: string, opts: { host?: string; heartbeatMs?: number } = {}): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: opts.host ?? os.hostname(),
    token: randomUUID(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx", mode: 0o600 });
      return holdLock(file, me, opts.heartbeatMs ?? LOCK_HEARTBEAT_MS);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = readOwner(file);
      if (owner) refuseIfHeld(dir, owner, me);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}

function holdLock(file: string, me: LockOwner, heartbeatMs: number): () => void {
  const ours = () => readOwner(file)?.token === me.token;
  const timer = setInterval(() => {
    try {
      if (!ours()) return clearInterval(timer); // taken over (we were frozen too long): stop touching it
      const now = new Date();
      fs.utimesSync(file, now, now);
    } catch {
      // The folder is unreachable for a moment: the next beat retries.
    }
  }, heartbeatMs);
  timer.unref();
  const release = () => {
    clearInterval(timer);
    try {
      if (ours()) fs.unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.once("exit", release);
  return release;
}
