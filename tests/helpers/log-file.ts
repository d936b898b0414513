// A test file's own log file: the app's logger writes JSON lines there (no stdout), and the test
// reads them back once they have arrived (writes are asynchronous; a busy machine is slow).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger, setBaseLogger } from "@/lib/observability/logger";

export type Line = Record<string, unknown>;

/** Installs a logger writing to a temporary file for this test file (beforeAll), removed afterwards. */
export function setupLogFile(prefix: string, timeoutMs = 10_000) {
  const state = { dir: "", file: "" };
  beforeAll(() => {
    state.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    state.file = path.join(state.dir, "app.jsonl");
    const { logger: l, file: dest } = createLogger({ level: "info", filePath: state.file, stdout: false });
    setBaseLogger(l, dest);
  });
  afterAll(() => {
    setBaseLogger(undefined);
    fs.rmSync(state.dir, { recursive: true, force: true });
  });
  /** The file's lines, once `ready` holds for them or the time is up. It only polls: a flushSync()
   * while an asynchronous write is in flight lets the buffered lines overtake it (lines out of order). */
  async function lines(ready: (ls: Line[]) => boolean = () => true): Promise<Line[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const ls = fs.existsSync(state.file)
        ? fs
            .readFileSync(state.file, "utf8")
            .split("\n")
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Line)
        : [];
      if (ready(ls) || Date.now() > deadline) return ls;
    }
  }
  return { lines, file: () => state.file, dir: () => state.dir };
}

export const has = (event: string, requestId?: string) => (ls: Line[]) =>
  ls.some((l) => l.event === event && (requestId === undefined || l.request_id === requestId));
