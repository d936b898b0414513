// Leader election over a real database: on PostgreSQL exactly one of several instances runs the
// leader's work, a dead leader is replaced within one retry, and a stopping one hands over at once.
// On PGlite the one process is the leader.
import { LEADER_LOCK_KEY, LeaderElection, type LeaderTask } from "@/lib/services/cluster/leader";
import { setupTestDb } from "./helpers/db";

const testDb = setupTestDb();
const RETRY_MS = 150;

function counter(name: string) {
  const t = {
    name,
    running: false,
    starts: 0,
    start: () => void ((t.running = true), t.starts++),
    stop: () => void (t.running = false),
  };
  return t satisfies LeaderTask;
}

async function until(cond: () => boolean, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  while (!cond()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

const elections: LeaderElection[] = [];
afterEach(async () => {
  await Promise.all(elections.splice(0).map((e) => e.stop()));
});

test("exactly one instance leads; a dead leader is replaced, a stopping one hands over", async () => {
  const { conn } = testDb.current();
  if (!conn.openSession) {
    // PGlite: the data-folder lock already guarantees one process, which leads at once.
    const only = new LeaderElection(null, RETRY_MS);
    elections.push(only);
    const task = counter("telemetry");
    only.onLeadership(task);
    await only.start();
    expect(only.isLeader()).toBe(true);
    expect(task.running).toBe(true);
    return;
  }
  // Sessions are remembered so the test can cut one off as SIGKILL would (no unlock, socket gone).
  const sessions: Awaited<ReturnType<NonNullable<typeof conn.openSession>>>[] = [];
  const open = async () => {
    const c = await conn.openSession!();
    sessions.push(c);
    return c;
  };
  const tasks = [counter("a"), counter("b"), counter("c")];
  const nodes = tasks.map((t) => {
    const e = new LeaderElection(open, RETRY_MS);
    e.onLeadership(t);
    elections.push(e);
    return e;
  });
  await Promise.all(nodes.map((n) => n.start()));
  // Several retries pass: still exactly one leader, whose task runs; nobody else's does.
  await new Promise((r) => setTimeout(r, RETRY_MS * 4));
  expect(nodes.filter((n) => n.isLeader())).toHaveLength(1);
  expect(tasks.filter((t) => t.running)).toHaveLength(1);
  const first = nodes.findIndex((n) => n.isLeader());

  // The leader's connection dies (as when its process is killed): PostgreSQL frees the lock.
  const [{ pid }] = (
    await sessions[0].query<{ pid: number }>(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted",
      [LEADER_LOCK_KEY],
    )
  ).rows;
  await conn.raw.query("SELECT pg_terminate_backend($1)", [pid]);
  const tookMs = await until(() => nodes.some((n, i) => i !== first && n.isLeader()) && !nodes[first].isLeader());
  expect(tookMs).toBeLessThan(RETRY_MS * 10);
  expect(tasks[first].running).toBe(false);
  expect(nodes.filter((n) => n.isLeader())).toHaveLength(1);

  // A leader that stops (SIGTERM) releases the lock: someone else leads within a retry or two.
  const second = nodes.findIndex((n) => n.isLeader());
  await nodes[second].stop();
  expect(tasks[second].running).toBe(false);
  await until(() => nodes.some((n) => n.isLeader()));
  expect(nodes.filter((n) => n.isLeader())).toHaveLength(1);
  expect(tasks.reduce((n, t) => n + (t.running ? 1 : 0), 0)).toBe(1);
}, 30_000);
