// This instance's live-sync fan-out: the open event streams per user, and the most recent events
// (every instance sees every event: lib/services/live/bus.ts), so a tab that reconnects with
// Last-Event-ID gets what it missed. Per user and instance at most MAX_STREAMS_PER_USER streams.
import "server-only";
import { randomBytes } from "node:crypto";

/** timer: the user's running timer changed. sync: this instance may have missed events; re-read. */
export type LiveKind = "timer" | "sync";

export interface LiveEvent {
  id: string;
  userId: string;
  kind: LiveKind;
}

export interface LiveSubscriber {
  send(e: LiveEvent): void;
  /** Ends the stream (shutdown): the browser reconnects, through the balancer, to another instance. */
  close(): void;
}

/** A user with more tabs than this on one instance gets 429 for the next one. */
export const MAX_STREAMS_PER_USER = 10;
const BUFFER_SIZE = 1000;

export const newEventId = (): string => `${Date.now().toString(36)}-${randomBytes(5).toString("hex")}`;

export class LiveHub {
  private readonly subs = new Map<string, Set<LiveSubscriber>>();
  private buffer: LiveEvent[] = [];
  private trimmed = false;
  /** The id a stream starts from before any event: "everything this instance has seen". */
  readonly startId = `start-${newEventId()}`;

  /** null when the user already has MAX_STREAMS_PER_USER streams here. */
  subscribe(userId: string, sub: LiveSubscriber): (() => void) | null {
    const set = this.subs.get(userId) ?? new Set<LiveSubscriber>();
    if (set.size >= MAX_STREAMS_PER_USER) return null;
    set.add(sub);
    this.subs.set(userId, set);
    return () => {
      set.delete(sub);
      if (!set.size && this.subs.get(userId) === set) this.subs.delete(userId);
    };
  }

  streams(userId?: string): number {
    if (userId) return this.subs.get(userId)?.size ?? 0;
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }

  dispatch(e: LiveEvent): void {
    this.buffer.push(e);
    if (this.buffer.length > BUFFER_SIZE) {
      this.buffer = this.buffer.slice(-BUFFER_SIZE);
      this.trimmed = true;
    }
    for (const s of [...(this.subs.get(e.userId) ?? [])]) s.send(e);
  }

  /** The id of the newest event seen here (what a new stream announces first). */
  latestId(): string {
    return this.buffer.at(-1)?.id ?? this.startId;
  }

  /** The user's events after `lastId`, or null when this instance cannot tell (unknown or too old
   * an id: the client must re-read its state). */
  since(userId: string, lastId: string): LiveEvent[] | null {
    let from: number;
    if (lastId === this.startId && !this.trimmed) from = 0;
    else {
      const i = this.buffer.findIndex((e) => e.id === lastId);
      if (i < 0) return null;
      from = i + 1;
    }
    return this.buffer.slice(from).filter((e) => e.userId === userId);
  }

  /** A "sync" to every open stream (not buffered): each tab re-reads its state. */
  syncAll(): void {
    for (const [userId, set] of this.subs)
      for (const s of [...set]) s.send({ id: this.latestId(), userId, kind: "sync" });
  }

  closeAll(): void {
    for (const set of this.subs.values()) for (const s of [...set]) s.close();
  }
}

const KEY = Symbol.for("timetracker.liveHub");
const g = globalThis as unknown as { [KEY]?: LiveHub };
/** The process's hub (one per process, shared by Next's module graphs). */
export const liveHub = (): LiveHub => (g[KEY] ??= new LiveHub());
