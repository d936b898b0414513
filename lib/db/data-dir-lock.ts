// PGlite is a single-connection database: two processes writing one data folder corrupt it.
// A lock file makes the second process fail with a clear message instead. The file records the
// owner's host name, pid and a random start token, and the owner refreshes its mtime (heartbeat):
// on the same host a dead pid means a stale lock; from another host (two containers sharing one
// volume, both pid 1) only a heartbeat older than LOCK_STALE_MS does.
//
// Taking over a stale lock is the racy part: two processes that both judged the old lock stale
// could each delete it and write their own, the second deleting the first's fresh lock. So a
// takeover happens only under a second lock, TAKEOVER_FILE (created with O_EXCL: one process at a
// time), and the owner is judged AGAIN under it before anything is deleted: whoever comes second
// sees the first one's fresh lock and is refused. A fresh lock is written only with O_EXCL, so
// nothing else can replace it. If the lock is lost all the same (someone deleted the file, or this
// process was frozen long enough for another host to take over), the heartbeat notices and calls
// onCompromised, which stops the app: two writers on one PGlite folder corrupt it.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE = "timetracker.lock";
export const TAKEOVER_FILE = "timetracker.lock.takeover";
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

export class LockTakeoverError extends Error {
  constructor(dir: string, file: string, ageMs: number) {
    super(
      `The embedded database in ${dir} is being opened by another TimeTracker process right now ` +
        `(it is taking over a stale lock). Start this one again in a moment. If no other process is ` +
        `starting on this folder${ageMs > LOCK_STALE_MS ? ` (the takeover began ${Math.round(ageMs / 1000)} s ago)` : ""}, ` +
        `a start was interrupted mid-takeover: delete ${file}.`,
    );
    this.name = "LockTakeoverError";
  }
}

/** Why the heartbeat gave up the lock. */
export type LockCompromised = "removed" | "taken-over";

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

export interface LockOptions {
  host?: string;
  heartbeatMs?: number;
  /** Called once when the heartbeat finds the lock gone or someone else's. Default: one line on
   * stderr and exit(1) — the app must stop writing. */
  onCompromised?: (why: LockCompromised) => void;
}

function writeExclusive(file: string, body: object): boolean {
  try {
    fs.writeFileSync(file, JSON.stringify(body), { flag: "wx", mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

/** Takes the folder's lock for this process; returns a release function. Stale locks are taken over. */
export function lockDataDir(dir: string, opts: LockOptions = {}): () => void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: opts.host ?? os.hostname(),
    token: randomUUID(),
    since: new Date().toISOString(),
  };
  const hold = () => holdLock(dir, file, me, opts.heartbeatMs ?? LOCK_HEARTBEAT_MS, opts.onCompromised);
  if (writeExclusive(file, me)) return hold();
  const owner = readOwner(file);
  if (owner) refuseIfHeld(dir, owner, me);
  // Stale. Take it over under the takeover lock, judging the owner again there.
  const takeover = path.join(dir, TAKEOVER_FILE);
  if (!writeExclusive(takeover, me)) {
    let ageMs = 0;
    try {
      ageMs = Date.now() - fs.statSync(takeover).mtimeMs;
    } catch {
      // Finished meanwhile: the other process holds the lock now, or failed; either way, not us.
    }
    throw new LockTakeoverError(dir, takeover, ageMs);
  }
  try {
    const again = readOwner(file);
    if (again) refuseIfHeld(dir, again, me);
    fs.rmSync(file, { force: true });
    // Only O_EXCL writes create the lock: a process that found no lock at all may have won meanwhile.
    if (!writeExclusive(file, me)) {
      const winner = readOwner(file);
      throw new DataDirLockedError(dir, { pid: Number(winner?.pid) || 0, host: winner?.host ?? me.host });
    }
    return hold();
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}

function stopOnLostLock(dir: string): (why: LockCompromised) => void {
  return (why) => {
    console.error(
      `TimeTracker stops: the lock on the embedded database in ${dir} was ${why === "removed" ? "deleted" : "taken over by another process"} while this process used it; two writers would corrupt it.`,
    );
    process.exit(1);
  };
}

function holdLock(
  dir: string,
  file: string,
  me: LockOwner,
  heartbeatMs: number,
  onCompromised: ((why: LockCompromised) => void) | undefined,
): () => void {
  const ours = () => readOwner(file)?.token === me.token;
  const compromised = onCompromised ?? stopOnLostLock(dir);
  const timer = setInterval(() => {
    const owner = readOwner(file);
    if (owner?.token === me.token) {
      try {
        const now = new Date();
        fs.utimesSync(file, now, now);
      } catch {
        // The folder is unreachable for a moment: the next beat retries.
      }
      return;
    }
    if (!owner && fs.existsSync(file)) return; // unreadable or half-written right now: the next beat looks again
    // Gone, or someone else's: stop touching it, and stop the app.
    clearInterval(timer);
    process.removeListener("exit", release);
    compromised(owner ? "taken-over" : "removed");
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
