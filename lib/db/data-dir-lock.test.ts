import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";

describe("embedded database folder lock", () => {
  it("refuses a second live process with a clear message, and takes over a stale lock", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-lock-"));
    // Another process holds the folder.
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    fs.writeFileSync(path.join(dir, "timetracker.lock"), JSON.stringify({ pid: other.pid }));
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/already open by another TimeTracker process/);
    } finally {
      other.kill();
      await new Promise((r) => other.once("exit", r));
    }
    // Its owner is gone: the lock is stale and ours to take.
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "timetracker.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "timetracker.lock"))).toBe(false);
  });
});
