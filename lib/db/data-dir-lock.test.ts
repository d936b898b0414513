import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eventually } from "@/tests/helpers/fake-collector";
import {
  DataDirLockedError,
  LOCK_FILE,
  LOCK_STALE_MS,
  LockTakeoverError,
  TAKEOVER_FILE,
  lockDataDir,
} from "./data-dir-lock";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "tt-lock-"));
const lockOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")) as Record<string, unknown>;
function errorMessageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return "(did not throw)";
}
function writeLock(dir: string, body: object, ageMs = 0) {
  const file = path.join(dir, LOCK_FILE);
  fs.writeFileSync(file, JSON.stringify(body));
  const t = new Date(Date.now() - ageMs);
  fs.utimesSync(file, t, t);
}

describe("embedded database folder lock", () => {
  it("refuses a second live process with a clear message, and takes over a stale lock", async () => {
    const dir = tmp();
    // Another process holds the folder.
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    writeLock(dir, { pid: other.pid });
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/already open by another TimeTracker process/);
    } finally {
      other.kill();
      await new Promise((r) => other.once("exit", r));
    }
    // Its owner is gone: the lock is stale and ours to take.
    const release = lockDataDir(dir);
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, host: os.hostname(), token: expect.any(String) });
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("refuses a fresh lock from another host even when the pids are equal (two containers, both pid 1)", () => {
    const dir = tmp();
    writeLock(dir, { pid: process.pid, host: "container-a", token: "t-a", since: new Date().toISOString() }, 2_000);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    const message = errorMessageOf(() => lockDataDir(dir));
    expect(message).toMatch(
      /already open by another TimeTracker process on host "container-a" \(pid \d+, alive 2 s ago\)/,
    );
    expect(message).toMatch(/Only one container may use this volume/);
    expect(lockOf(dir).token).toBe("t-a"); // untouched
  });

  it("takes over another host's lock once its heartbeat is stale", () => {
    const dir = tmp();
    writeLock(dir, { pid: 1, host: "container-a", token: "t-a" }, LOCK_STALE_MS + 5_000);
    const release = lockDataDir(dir, { host: "container-b" });
    expect(lockOf(dir)).toMatchObject({ host: "container-b", pid: process.pid });
    release();
  });

  it("on the same host, its own pid with another token is an earlier run (restart as pid 1): taken over", () => {
    const dir = tmp();
    writeLock(dir, { pid: process.pid, host: os.hostname(), token: "earlier-run" });
    const release = lockDataDir(dir);
    expect(lockOf(dir).token).not.toBe("earlier-run");
    release();
  });

  it("keeps its lock fresh (heartbeat), and two hosts take turns", async () => {
    const dir = tmp();
    const releaseA = lockDataDir(dir, { host: "container-a", heartbeatMs: 40 });
    const file = path.join(dir, LOCK_FILE);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    // The next heartbeat (every 40 ms) touches the file again.
    await eventually(() => Date.now() - fs.statSync(file).mtimeMs < 5_000, 5_000, "a heartbeat");
    expect(Date.now() - fs.statSync(file).mtimeMs).toBeLessThan(5_000);
    expect(() => lockDataDir(dir, { host: "container-b" })).toThrow(/on host "container-a"/);
    releaseA();
    const releaseB = lockDataDir(dir, { host: "container-b" });
    expect(lockOf(dir).host).toBe("container-b");
    releaseA(); // a late release by the old owner does not remove B's lock
    expect(lockOf(dir).host).toBe("container-b");
    releaseB();
  });

  // The race: two processes both judge the old lock stale; each deletes it and writes its own, and
  // the later delete removes the other's fresh lock. A rival's whole start is run at the two moments
  // that matter (just before the stale lock is deleted, just before the takeover lock is taken): in
  // both orders exactly one of them holds the folder, and the lock file is the holder's.
  const contest = (dir: string, at: "delete" | "takeover") => {
    let rival: (() => void) | Error | undefined;
    const realRm = fs.rmSync;
    const realWrite = fs.writeFileSync;
    const runRival = () => {
      if (rival) return;
      rival = new Error("pending");
      try {
        rival = lockDataDir(dir, { host: "b", heartbeatMs: 60_000 });
      } catch (err) {
        rival = err as Error;
      }
    };
    const rm = jest.spyOn(fs, "rmSync").mockImplementation((p, o) => {
      if (at === "delete" && String(p).endsWith(LOCK_FILE)) runRival();
      return realRm(p, o);
    });
    const write = jest.spyOn(fs, "writeFileSync").mockImplementation((p, d, o) => {
      if (at === "takeover" && String(p).endsWith(TAKEOVER_FILE)) runRival();
      return realWrite(p, d, o);
    });
    let mine: (() => void) | Error;
    try {
      mine = lockDataDir(dir, { host: "a", heartbeatMs: 60_000 });
    } catch (err) {
      mine = err as Error;
    } finally {
      rm.mockRestore();
      write.mockRestore();
    }
    return { mine, rival };
  };

  it.each(["delete", "takeover"] as const)(
    "two processes that both judged a lock stale cannot both take it (rival runs at %s)",
    (at) => {
      const dir = tmp();
      writeLock(dir, { pid: 1, host: "gone", token: "t-gone" }, LOCK_STALE_MS + 5_000);
      const { mine, rival } = contest(dir, at);
      const holders = [
        ["a", mine],
        ["b", rival],
      ].filter(([, r]) => typeof r === "function");
      expect(holders.map(([h]) => h)).toHaveLength(1);
      expect(lockOf(dir).host).toBe(holders[0][0]);
      expect(fs.existsSync(path.join(dir, TAKEOVER_FILE))).toBe(false);
      for (const [, r] of holders) (r as () => void)();
    },
  );

  it("while one process is taking a stale lock over, another is refused with a clear message", () => {
    const dir = tmp();
    writeLock(dir, { pid: 1, host: "gone", token: "t-gone" }, LOCK_STALE_MS + 5_000);
    fs.writeFileSync(path.join(dir, TAKEOVER_FILE), "{}");
    expect(() => lockDataDir(dir, { host: "a" })).toThrow(LockTakeoverError);
    expect(() => lockDataDir(dir, { host: "a" })).toThrow(/taking over a stale lock/);
    expect(lockOf(dir).token).toBe("t-gone");
  });

  it("a lock deleted or replaced under its holder calls onCompromised once (the app stops)", async () => {
    const dir = tmp();
    const calls: string[] = [];
    const release = lockDataDir(dir, { heartbeatMs: 20, onCompromised: (why) => calls.push(why) });
    fs.rmSync(path.join(dir, LOCK_FILE));
    await new Promise((r) => setTimeout(r, 150));
    expect(calls).toEqual(["removed"]);
    release();
    const dir2 = tmp();
    const calls2: string[] = [];
    const release2 = lockDataDir(dir2, { heartbeatMs: 20, onCompromised: (why) => calls2.push(why) });
    writeLock(dir2, { pid: 1, host: "intruder", token: "t-x" });
    await new Promise((r) => setTimeout(r, 150));
    expect(calls2).toEqual(["taken-over"]);
    expect(lockOf(dir2).token).toBe("t-x"); // not touched by the old holder any more
    release2();
  });
});
