// Live sync against a real database: a timer started or stopped by the service reaches the user's
// open streams (through PostgreSQL LISTEN/NOTIFY under test:pg, in-process on PGlite), never another
// user's; a reconnect with Last-Event-ID replays what was missed; streams per user are bounded.
import { AppError } from "@/lib/errors";
import { installedDbConnection, setDbConnection } from "@/lib/db";
import { ensureLiveListener, stopLiveListener } from "@/lib/services/live/bus";
import { liveHub, MAX_STREAMS_PER_USER } from "@/lib/services/live/hub";
import { openLiveStream } from "@/lib/services/live/stream";
import { startTimer, stopTimer } from "@/lib/services/timer";
import type { Actor } from "@/lib/services/actor";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

// Before the database goes (declared first): the listener must not try to reconnect to a dropped one.
afterAll(() => stopLiveListener());
const testDb = setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
const open: { abort(): void }[] = [];

beforeEach(async () => {
  await testDb.current().truncate();
  s = await seedTracking();
});
afterEach(() => {
  for (const o of open.splice(0)) o.abort();
});

interface Frame {
  id?: string;
  event?: string;
}

/** An open stream and the frames read from it so far. */
async function connect(actor: Actor, lastEventId: string | null = null) {
  const ctl = new AbortController();
  open.push(ctl);
  const stream = await openLiveStream(actor, lastEventId, ctl.signal);
  const reader = stream.getReader();
  const frames: Frame[] = [];
  let text = "";
  let wake: () => void = () => {};
  void (async () => {
    const dec = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += dec.decode(value);
      let i: number;
      while ((i = text.indexOf("\n\n")) >= 0) {
        const f: Frame = {};
        for (const line of text.slice(0, i).split("\n")) {
          if (line.startsWith("id: ")) f.id = line.slice(4);
          if (line.startsWith("event: ")) f.event = line.slice(7);
        }
        text = text.slice(i + 2);
        frames.push(f);
        wake();
      }
    }
  })();
  /** Waits (at most 1 s: the promise) until a frame matching `pred` arrived. */
  const next = async (pred: (f: Frame) => boolean, from = 0): Promise<Frame> => {
    const deadline = Date.now() + 1000;
    for (;;) {
      const f = frames.slice(from).find(pred);
      if (f) return f;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame within 1 s; got ${JSON.stringify(frames)}`);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, left);
      });
    }
  };
  return { frames, next, close: () => ctl.abort() };
}

const timerEvents = (frames: Frame[]) => frames.filter((f) => f.event === "timer");

test("a timer started and stopped reaches every open tab of that user within a second, no one else's", async () => {
  const tab1 = await connect(s.alice);
  const tab2 = await connect(s.alice);
  const bob = await connect(s.bob);
  await startTimer(s.alice, { projectId: s.project.id });
  await tab1.next((f) => f.event === "timer");
  await tab2.next((f) => f.event === "timer");
  await stopTimer(s.alice);
  await tab1.next((f) => f.event === "timer", tab1.frames.indexOf(timerEvents(tab1.frames)[0]) + 1);
  // Bob's stream got only his own event: it arrives after alice's two, which never reached him.
  await startTimer(s.bob, { projectId: s.project.id });
  await bob.next((f) => f.event === "timer");
  expect(timerEvents(bob.frames)).toHaveLength(1);
  expect(timerEvents(tab2.frames).length).toBeGreaterThanOrEqual(1);
});

test("a reconnect with Last-Event-ID gets what it missed; an unknown id gets one sync", async () => {
  const tab = await connect(s.alice);
  await startTimer(s.alice, { projectId: s.project.id });
  const seen = await tab.next((f) => f.event === "timer");
  tab.close();
  // While the tab is away the timer stops (e.g. through the API on another device).
  const other = await connect(s.alice);
  await stopTimer(s.alice);
  await other.next((f) => f.event === "timer");
  const back = await connect(s.alice, seen.id!);
  await back.next((f) => f.event === "timer");
  expect(timerEvents(back.frames)).toHaveLength(1);

  const lost = await connect(s.alice, "an-id-from-an-instance-long-gone");
  await lost.next((f) => f.event === "sync");
});

test("streams per user are bounded; a closed tab frees its place", async () => {
  const tabs = [];
  for (let i = 0; i < MAX_STREAMS_PER_USER; i++) tabs.push(await connect(s.alice));
  expect(liveHub().streams(s.alice.id)).toBe(MAX_STREAMS_PER_USER);
  const err = await connect(s.alice).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("RATE_LIMITED");
  // Another user is not affected by alice's tabs.
  await connect(s.bob);
  tabs[0].close();
  expect(liveHub().streams(s.alice.id)).toBe(MAX_STREAMS_PER_USER - 1);
  await connect(s.alice);
});

// A lost listener reconnects, but only to the database it listened on: once that one is closed or
// replaced (shutdown, the end of a test file) reconnecting would open the configured database anew
// in a process that is done with it (found as late failures of unrelated files under test:pg).
(process.env.TEST_DATABASE_URL ? test : test.skip)(
  "a listener whose database was closed does not reconnect (and opens no other database)",
  async () => {
    const conn = testDb.current().conn;
    await ensureLiveListener();
    const listeners = () =>
      conn.raw.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN tt_live'`,
      );
    const [session] = await listeners();
    expect(session).toBeDefined();
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask", "Date", "performance", "hrtime"] });
    try {
      setDbConnection(undefined);
      await conn.raw.query("SELECT pg_terminate_backend($1)", [session.pid]);
      // The listener's connection noticed: its session is gone from the server.
      while ((await listeners()).length) await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      jest.runOnlyPendingTimers();
      expect(installedDbConnection()).toBeUndefined();
    } finally {
      jest.useRealTimers();
      setDbConnection(conn);
    }
  },
);
