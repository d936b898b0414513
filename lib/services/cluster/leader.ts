// One leader among the app instances, for work that must run once per installation rather than once
// per process (the telemetry schedule; others register theirs with onLeadership). On PostgreSQL the
// leader is whoever holds a session-level advisory lock on a connection of its own; every instance
// tries to take it every few seconds. When the leader dies its connection closes and PostgreSQL
// frees the lock; when it hangs or its network goes, `idle_session_timeout` ends the session. Either
// way another instance holds the lock within LEADER_RETRY_MS + LEADER_IDLE_TIMEOUT_MS (< 30 s).
// On PGlite the one process that may open the data folder is the leader.
import "server-only";
import type { Client } from "pg";
import { dbConnection } from "@/lib/db";
import { childLogger } from "@/lib/observability/logger";

/** The advisory lock's key ("tt" 19 01): any bigint no other code in the database uses. */
export const LEADER_LOCK_KEY = 7474_1901;
export const LEADER_RETRY_MS = 5_000;
/** The leader's session is idle between heartbeats for LEADER_RETRY_MS; PostgreSQL ends it after this. */
export const LEADER_IDLE_TIMEOUT_MS = 15_000;

export interface LeaderTask {
  name: string;
  /** Called when this instance becomes the leader (or at once, if it is already). */
  start(): void;
  /** Called when it stops being the leader, and at shutdown. */
  stop(): void | Promise<void>;
}

type OpenSession = () => Promise<Client>;

/** One participant in the election. The process has one (below); tests make several. */
export class LeaderElection {
  private leader = false;
  private client: Client | null = null;
  private timer?: NodeJS.Timeout;
  private readonly tasks = new Set<LeaderTask>();
  private stopped = true;
  /** How many times this participant became leader. */
  terms = 0;

  /** open: a dedicated PostgreSQL session, or null on PGlite (always the leader). */
  constructor(
    private readonly open: OpenSession | null,
    private readonly retryMs = LEADER_RETRY_MS,
  ) {}

  isLeader(): boolean {
    return this.leader;
  }

  /** Registers work that only the leader runs; returns a function that unregisters (and stops) it. */
  onLeadership(task: LeaderTask): () => Promise<void> {
    this.tasks.add(task);
    if (this.leader) startTask(task);
    return async () => {
      if (this.tasks.delete(task) && this.leader) await stopTask(task);
    };
  }

  private becomeLeader() {
    this.leader = true;
    this.terms++;
    log().info({ event: "cluster.leader_acquired", tasks: this.tasks.size }, "this instance is the leader");
    for (const t of this.tasks) startTask(t);
  }

  private async lose(why: string) {
    const client = this.client;
    this.client = null;
    if (client) void client.end().catch(() => {});
    if (!this.leader) return;
    this.leader = false;
    log().warn({ event: "cluster.leader_lost", why }, `this instance is no longer the leader (${why})`);
    await Promise.all([...this.tasks].map(stopTask));
  }

  private async attempt(open: OpenSession): Promise<void> {
    if (this.stopped) return;
    if (!this.client) {
      const client = await open();
      // stop() ran while the session opened: it must not outlive the stop (nor take the lock later).
      if (this.stopped) return void (await client.end().catch(() => {}));
      client.on("error", () => {
        if (this.client === client) void this.lose("connection error");
      });
      client.on("end", () => {
        if (this.client === client) void this.lose("connection closed");
      });
      // A hung leader must not keep the lock for ever (PostgreSQL 14+; older servers ignore it).
      await client.query(`SET idle_session_timeout = ${LEADER_IDLE_TIMEOUT_MS}`).catch(() => {});
      this.client = client;
    }
    if (this.leader) {
      await this.client.query("SELECT 1"); // heartbeat: keeps the session busy, proves it is alive
      return;
    }
    const session = this.client;
    const res = await session.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LEADER_LOCK_KEY]);
    if (res.rows[0]?.ok && !this.stopped) this.becomeLeader();
    // Stopped meanwhile: stop() already ended the session it saw; end this one too, so a lock taken
    // just now goes with it.
    else if (this.stopped) await session.end().catch(() => {});
  }

  private loop(open: OpenSession) {
    this.timer = setTimeout(async () => {
      try {
        await this.attempt(open);
      } catch (err) {
        await this.lose((err as Error).message.slice(0, 120));
      }
      if (!this.stopped) this.loop(open);
    }, this.retryMs);
    this.timer.unref();
  }

  /** Starts taking part (lib/services/startup.ts). PGlite: leader at once. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    const open = this.open;
    if (!open) return this.becomeLeader();
    try {
      await this.attempt(open);
    } catch (err) {
      await this.lose((err as Error).message.slice(0, 120)); // retried by the loop
    }
    this.loop(open);
  }

  /** Stops the leader's tasks and gives the lock up at once, so another instance takes over within
   * one retry (shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const { client, leader } = this;
    this.leader = false;
    this.client = null;
    if (leader) await Promise.all([...this.tasks].map(stopTask));
    if (client) {
      if (leader) await client.query("SELECT pg_advisory_unlock($1)", [LEADER_LOCK_KEY]).catch(() => {});
      await client.end().catch(() => {});
    }
    if (leader) log().info({ event: "cluster.leader_released" }, "leadership released");
  }
}

const KEY = Symbol.for("timetracker.leader");
const g = globalThis as unknown as { [KEY]?: LeaderElection };
/** The process's participant, created on first use with the configured database. */
const election = (): LeaderElection => (g[KEY] ??= new LeaderElection(dbConnection().openSession));

const log = () => childLogger("cluster");

function startTask(t: LeaderTask) {
  try {
    t.start();
  } catch (err) {
    log().error({ event: "cluster.task_failed", task: t.name, err }, `leader task ${t.name} failed to start`);
  }
}

async function stopTask(t: LeaderTask) {
  try {
    await t.stop();
  } catch (err) {
    log().error({ event: "cluster.task_failed", task: t.name, err }, `leader task ${t.name} failed to stop`);
  }
}

export const isLeader = (): boolean => election().isLeader();
export const onLeadership = (task: LeaderTask): (() => Promise<void>) => election().onLeadership(task);
export const startLeaderElection = (): Promise<void> => election().start();
export const stopLeaderElection = (): Promise<void> => election().stop();
