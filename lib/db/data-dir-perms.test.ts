// The embedded database's folder is private to the account running TimeTracker: a fresh folder is
// created 0700 with 0600 files (PGlite's own files included, WAL segments too), and a folder left
// readable by an earlier version is tightened at start, with a notice for the log.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect } from "./connection";
import type { TightenResult } from "./data-dir-perms";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "tt-perms-"));

function walk(dir: string): { p: string; mode: number; dir: boolean }[] {
  const out: { p: string; mode: number; dir: boolean }[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    out.push({ p: path.relative(dir, p) || ".", mode: st.mode & 0o777, dir: st.isDirectory() });
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
  };
  visit(dir);
  return out;
}
const open = (entries: ReturnType<typeof walk>) =>
  entries.filter((e) => e.mode & 0o077).map((e) => `${e.p} ${e.mode.toString(8)}`);

let savedUmask: number;
beforeEach(() => {
  // The usual umask of a shell or a service manager: what the probe ran under.
  savedUmask = process.umask(0o022);
});
afterEach(() => void process.umask(savedUmask));

async function useDatabase(dataDir: string, onTightened?: (dir: string, r: TightenResult) => void) {
  const conn = connect({ kind: "pglite", dataDir, onTightened });
  // Enough writing to create relation files and WAL beyond what initdb leaves.
  await conn.raw.exec(
    `CREATE TABLE IF NOT EXISTS notes (id serial PRIMARY KEY, body text); INSERT INTO notes (body) SELECT repeat('secret ', 50) FROM generate_series(1, 2000); CHECKPOINT;`,
  );
  await conn.close();
}

describe("embedded database folder permissions", () => {
  it("a fresh data folder is 0700 and every file and folder in it is private (mode & 0o077 === 0)", async () => {
    const dataDir = path.join(tmp(), "data");
    await useDatabase(dataDir);
    const entries = walk(dataDir);
    expect(entries.length).toBeGreaterThan(100); // PGlite's whole cluster, pg_wal included
    expect(entries.some((e) => e.p.startsWith("pg_wal/") && !e.dir)).toBe(true);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(open(entries)).toEqual([]);
  }, 120_000);

  it("an existing folder readable by others (0755, 0644 files) is tightened at start, with one notice", async () => {
    const dataDir = path.join(tmp(), "data");
    await useDatabase(dataDir);
    // As an earlier version left it.
    for (const e of walk(dataDir)) fs.chmodSync(path.join(dataDir, e.p), e.dir ? 0o755 : 0o644);
    const before = walk(dataDir).length;
    const notices: [string, TightenResult][] = [];
    await useDatabase(dataDir, (dir, r) => notices.push([dir, r]));
    expect(notices).toHaveLength(1);
    expect(notices[0][0]).toBe(dataDir);
    expect(notices[0][1].tightened).toBeGreaterThanOrEqual(before);
    expect(open(walk(dataDir))).toEqual([]);
    // Once private, a later start has nothing to say.
    const again: unknown[] = [];
    await useDatabase(dataDir, (...a) => again.push(a));
    expect(again).toEqual([]);
  }, 120_000);
});
