// Carries live-sync events between app instances. PostgreSQL: `pg_notify` on the channel tt_live,
// and every instance LISTENs on a connection of its own, so an event published anywhere reaches
// every instance's hub (its own included) once committed. PGlite: one process, so straight to the
// hub. Best effort by design: a lost event costs a tab one refresh on focus, never a failed write.
import "server-only";
import type { Client } from "pg";
import { dbConnection, installedDbConnection, type DbConnection } from "@/lib/db";
import { childLogger } from "@/lib/observability/logger";
import { onDrainStart, onShutdown } from "@/lib/services/cluster/drain";
import { liveHub, newEventId, type LiveEvent, type LiveKind } from "./hub";

export const LIVE_CHANNEL = "tt_live";
const RECONNECT_MS = 1000;

interface Listener {
  registered?: boolean;
  client: Client | null;
  /** The database connection the listener was opened on: it reconnects only while that one is in use. */
  conn?: DbConnection;
  ready: Promise<void> | null;
  stopped: boolean;
  timer?: NodeJS.Timeout;
}
const KEY = Symbol.for("timetracker.liveListener");
const g = globalThis as unknown as { [KEY]?: Listener };
const listener = (): Listener => (g[KEY] ??= { client: null, ready: null, stopped: false });

const log = () => childLogger("live");

function parse(payload: string | undefined): LiveEvent | null {
  try {
    const e = JSON.parse(payload ?? "") as Partial<LiveEvent>;
    return typeof e.id === "string" && typeof e.userId === "string" && (e.kind === "timer" || e.kind === "sync")
      ? { id: e.id, userId: e.userId, kind: e.kind }
      : null;
  } catch {
    return null;
  }
}

async function listen(l: Listener): Promise<void> {
  const conn = dbConnection();
  const open = conn.openSession;
  if (!open) return;
  l.conn = conn;
  const client = await open();
  const lost = () => {
    if (l.client !== client) return;
    l.client = null;
    l.ready = null;
    void client.end().catch(() => {});
    if (l.stopped || installedDbConnection() !== conn) return;
    log().warn({ event: "live.listener_lost" }, "live-sync listener lost its connection; reconnecting");
    reconnectLater(l);
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (msg) => {
    const e = msg.channel === LIVE_CHANNEL ? parse(msg.payload) : null;
    if (e) liveHub().dispatch(e);
  });
  await client.query(`LISTEN ${LIVE_CHANNEL}`);
  l.client = client;
}

function reconnectLater(l: Listener): void {
  l.timer = setTimeout(() => {
    // The database was closed or replaced (shutdown, a test file's end): nothing to reconnect to.
    // Reconnecting would open the configured database anew, in a process that is done with it.
    if (l.stopped || installedDbConnection() !== l.conn) return;
    ensureLiveListener()
      // Events may have been missed meanwhile: every open tab re-reads its state.
      .then(() => liveHub().syncAll())
      .catch(() => reconnectLater(l));
  }, RECONNECT_MS);
  l.timer.unref();
}

/** Starts this instance's listener once (first stream opened); later calls share it. */
export function ensureLiveListener(): Promise<void> {
  const l = listener();
  if (l.stopped) return Promise.resolve();
  if (!l.registered) {
    l.registered = true;
    // Draining: streams end so browsers reconnect elsewhere instead of holding the shutdown up.
    onDrainStart(() => liveHub().closeAll());
    onShutdown({ name: "live", order: 20, run: stopLiveListener });
  }
  if (!l.ready) {
    l.ready = listen(l).catch((err: unknown) => {
      l.ready = null;
      throw err;
    });
  }
  return l.ready;
}

export async function stopLiveListener(): Promise<void> {
  const l = listener();
  l.stopped = true;
  if (l.timer) clearTimeout(l.timer);
  const c = l.client;
  l.client = null;
  if (c) await c.end().catch(() => {});
}

/** Tells every open tab of `userId` (on every instance) that `kind` changed. Never throws. */
export async function publishLive(userId: string, kind: LiveKind): Promise<void> {
  const e: LiveEvent = { id: newEventId(), userId, kind };
  try {
    if (dbConnection().openSession)
      await dbConnection().raw.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, JSON.stringify(e)]);
    else liveHub().dispatch(e);
  } catch (err) {
    log().warn({ event: "live.publish_failed", err }, "live-sync event not sent");
  }
}
