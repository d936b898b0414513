// A new embedded database is created in a child process: the server that opens it afterwards does
// not carry initdb's ~800 MiB of WASM memory, and the folder is usable and private as before.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect } from "./connection";
import { hasCluster, initClusterInChild, InitdbError } from "./pglite-initdb";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "tt-initdb-"));
const rssMiB = () => process.memoryUsage().rss / 1024 / 1024;

test("a new data folder is created by a child; this process stays small and the folder opens", async () => {
  const dir = tmp();
  try {
    const before = rssMiB();
    const conn = connect({ kind: "pglite", dataDir: dir });
    // connect() ran initdb synchronously in the child: the cluster is there before PGlite starts here.
    expect(hasCluster(dir)).toBe(true);
    const [row] = await conn.raw.query<{ n: number }>("SELECT 41 + 1 AS n");
    expect(row.n).toBe(42);
    // Opening an existing folder costs ~300 MiB; creating one here cost ~800 MiB that never came back.
    expect(rssMiB() - before).toBeLessThan(500);
    await conn.close();
    // Nothing in the folder is readable by others (the child's files were tightened afterwards).
    const open: string[] = [];
    const visit = (p: string) => {
      const st = fs.lstatSync(p);
      if (st.mode & 0o077) open.push(p);
      if (st.isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
    };
    visit(dir);
    expect(open).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test("an existing cluster is left alone; a folder that cannot hold one fails with one clear error", () => {
  const dir = tmp();
  try {
    fs.writeFileSync(path.join(dir, "PG_VERSION"), "17\n");
    expect(initClusterInChild(dir)).toBe(false);
    const file = path.join(dir, "not-a-folder");
    fs.writeFileSync(file, "");
    expect(() => initClusterInChild(file)).toThrow(InitdbError);
    expect(() => initClusterInChild(file)).toThrow(/Could not create the embedded database in .*not-a-folder/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
