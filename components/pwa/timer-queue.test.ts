// The offline queue of timer commands on a real IndexedDB implementation (fake-indexeddb): a start
// made offline waits, is sent once when the connection returns, keeps its order behind earlier
// commands, survives a failed replay, and is never sent for another user.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { sendTimerCommand } from "./timer-commands";
import { expectedTimer, pendingCommands, replayQueue, resetQueueConnection, type TimerCommand } from "./timer-queue";

/** Stands in for POST /api/v1/timer/commands: applies each id once, like the real service. */
function fakeServer() {
  const applied = new Map<string, TimerCommand>();
  const received: string[] = [];
  let mode: "up" | "down" | "error" = "up";
  const send = async (c: TimerCommand) => {
    if (mode === "down") throw new TypeError("Failed to fetch");
    received.push(c.id);
    if (mode === "error") return { status: 503, body: null };
    if (c.kind === "start" && [...applied.values()].at(-1)?.kind === "start")
      return { status: 409, body: { error: { code: "CONFLICT", message: "A timer is already running." } } };
    const duplicate = applied.has(c.id);
    applied.set(c.id, c);
    return { status: 200, body: { duplicate } };
  };
  return { send, applied, received, set: (m: typeof mode) => (mode = m) };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetQueueConnection();
});

const start = { kind: "start" as const, projectId: "3f1c2b8e-1111-4a4a-8b8b-000000000001" };

it("queues a start made offline and sends it exactly once when back online", async () => {
  const server = fakeServer();
  const at = new Date("2026-12-07T10:02:00Z");
  const out = await sendTimerCommand("u1", start, { send: server.send, online: false, now: at });
  expect(out).toEqual({ state: "queued" });
  expect(server.received).toEqual([]);
  const queue = await pendingCommands("u1");
  expect(expectedTimer(false, queue)).toEqual({ running: true, since: at.toISOString(), pending: 1 });

  const report = await replayQueue("u1", server.send);
  expect(report).toEqual({ sent: 1, refused: [], remaining: 0 });
  expect([...server.applied.values()].map((c) => [c.kind, c.at])).toEqual([["start", at.toISOString()]]);
  expect(await replayQueue("u1", server.send)).toEqual({ sent: 0, refused: [], remaining: 0 });
  expect(server.received).toHaveLength(1);
});

it("keeps the queue in order and intact while the server cannot be reached, then sends the rest", async () => {
  const server = fakeServer();
  await sendTimerCommand("u1", start, { send: server.send, online: false });
  await sendTimerCommand("u1", { kind: "stop" }, { send: server.send, online: false });
  expect(expectedTimer(false, await pendingCommands("u1"))).toMatchObject({ running: false, pending: 2 });

  server.set("down");
  expect(await replayQueue("u1", server.send)).toEqual({ sent: 0, refused: [], remaining: 2 });
  server.set("error");
  expect(await replayQueue("u1", server.send)).toEqual({ sent: 0, refused: [], remaining: 2 });
  server.set("up");
  expect(await replayQueue("u1", server.send)).toEqual({ sent: 2, refused: [], remaining: 0 });
  expect([...server.applied.values()].map((c) => c.kind)).toEqual(["start", "stop"]);
});

it("a new command while others wait goes behind them, not ahead", async () => {
  const server = fakeServer();
  server.set("down");
  expect(await sendTimerCommand("u1", start, { send: server.send, online: true })).toEqual({ state: "queued" });
  server.set("up");
  const out = await sendTimerCommand("u1", { kind: "stop" }, { send: server.send, online: true });
  expect(out.state).toBe("done");
  expect([...server.applied.values()].map((c) => c.kind)).toEqual(["start", "stop"]);
  expect(await pendingCommands("u1")).toEqual([]);
});

it("drops a command the server refuses and says why; another user's commands stay put", async () => {
  const server = fakeServer();
  await sendTimerCommand("u1", start, { send: server.send, online: false });
  await sendTimerCommand("u1", start, { send: server.send, online: false });
  await sendTimerCommand("u2", { kind: "stop" }, { send: server.send, online: false });
  const report = await replayQueue("u1", server.send);
  expect(report.sent).toBe(1);
  expect(report.refused.map((r) => r.message)).toEqual(["A timer is already running."]);
  expect(await pendingCommands("u1")).toEqual([]);
  expect((await pendingCommands("u2")).map((q) => q.command.kind)).toEqual(["stop"]);
});

it("online, a refusal is shown at once and nothing is queued", async () => {
  const server = fakeServer();
  await sendTimerCommand("u1", start, { send: server.send, online: true });
  const out = await sendTimerCommand("u1", start, { send: server.send, online: true });
  expect(out).toEqual({ state: "refused", status: 409, message: "A timer is already running." });
  expect(await pendingCommands("u1")).toEqual([]);
});
