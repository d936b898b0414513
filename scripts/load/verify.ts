// After the load test: the acknowledged creations against the database. Every acknowledged id must
// be present exactly once, every new row must have been acknowledged (a row created while the run
// was being cut off, its response never read, is reported apart as "in flight"), and no user may
// have more than one running timer. Plus the memory check over the RSS samples.
import type { DbConnection } from "@/lib/db/connection";

export interface EntryCheck {
  acknowledged: number;
  duplicateAcks: number;
  rowsCreated: number;
  lost: number;
  /** New rows whose response was never read because the run stopped while they were in flight. */
  inFlightAtStop: number;
  unacknowledged: number;
  maxRunningPerUser: number;
  ok: boolean;
}

export async function checkEntries(
  conn: DbConnection,
  created: string[],
  since: Date,
  stoppedAt: Date,
  connections: number,
): Promise<EntryCheck> {
  const rows = await conn.raw.query<{ id: string; created_at: Date }>(
    "SELECT id::text AS id, created_at FROM time_entries WHERE created_at >= $1",
    [since],
  );
  const acked = new Set(created);
  const inDb = new Set(rows.map((r) => r.id));
  const lost = [...acked].filter((id) => !inDb.has(id)).length;
  const extra = rows.filter((r) => !acked.has(r.id));
  // Rows of requests cut off at the stop: created in its last 2 s, at most one per connection.
  const inFlight = extra.filter((r) => new Date(r.created_at).getTime() >= stoppedAt.getTime() - 2000).length;
  const [running] = await conn.raw.query<{ max: number }>(
    `SELECT coalesce(max(n), 0)::int AS max FROM (SELECT count(*) AS n FROM time_entries WHERE "end" IS NULL GROUP BY user_id) x`,
  );
  const r: Omit<EntryCheck, "ok"> = {
    acknowledged: created.length,
    duplicateAcks: created.length - acked.size,
    rowsCreated: rows.length,
    lost,
    inFlightAtStop: inFlight,
    unacknowledged: extra.length - inFlight,
    maxRunningPerUser: running.max,
  };
  const ok =
    r.duplicateAcks === 0 &&
    r.lost === 0 &&
    r.unacknowledged === 0 &&
    inFlight <= connections &&
    r.maxRunningPerUser <= 1;
  return { ...r, ok };
}

export interface MemoryCheck {
  /** Mean RSS (MiB) per 10-second window. */
  windowsMiB: number[];
  growthPercent: number | null;
  ok: boolean;
}

/** RSS growth between the second and the last full 10-second windows must be ≤ 10 %. */
export function checkMemory(samplesMiB: number[]): MemoryCheck {
  const windows: number[] = [];
  for (let i = 0; i + 10 <= samplesMiB.length; i += 10) {
    const w = samplesMiB.slice(i, i + 10);
    windows.push(Math.round((w.reduce((a, b) => a + b, 0) / w.length) * 10) / 10);
  }
  if (windows.length < 3) return { windowsMiB: windows, growthPercent: null, ok: true };
  const growth = Math.round((windows[windows.length - 1] / windows[1] - 1) * 1000) / 10;
  return { windowsMiB: windows, growthPercent: growth, ok: growth <= 10 };
}

export interface MemoryBreakdown {
  heapUsedMiB: number;
  heapTotalMiB: number;
  /** Buffers, ArrayBuffers and WebAssembly memory (PGlite's database runs in one). */
  externalMiB: number;
}

/** The server's memory by kind, from its /metrics (prom-client's default metrics); null if unanswered. */
export async function scrapeMemory(url: string, token: string): Promise<MemoryBreakdown | null> {
  try {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    const mib = (name: string) => {
      const m = new RegExp(`^${name} ([0-9.e+]+)$`, "m").exec(text);
      return m ? Math.round(Number(m[1]) / 104857.6) / 10 : Number.NaN;
    };
    return {
      heapUsedMiB: mib("nodejs_heap_size_used_bytes"),
      heapTotalMiB: mib("nodejs_heap_size_total_bytes"),
      externalMiB: mib("nodejs_external_memory_bytes"),
    };
  } catch {
    return null;
  }
}
