// Gauges computed when Prometheus scrapes: running timers, accounts by state, the PostgreSQL pool and
// the embedded database's queue.
// A failing count reports nothing for that gauge (and logs) rather than failing the whole scrape.
import "server-only";
import { countActiveTimers, countUsersByState, embeddedQueueLength, poolStats } from "@/lib/services/stats";
import { countWebhookQueue } from "@/lib/services/webhook-delivery";
import { logger } from "./logger";
import { scrapeGauge } from "./metrics";

function warn(gauge: string, err: unknown) {
  logger().warn({ event: "metrics.collect_failed", gauge, err }, "could not compute a gauge");
}

export function registerBusinessMetrics(): void {
  scrapeGauge("timetracker_active_timers", "Timers running now (time entries without an end).", [], async function () {
    try {
      this.set(await countActiveTimers());
    } catch (err) {
      this.reset();
      warn("timetracker_active_timers", err);
    }
  });
  scrapeGauge("timetracker_users", "Accounts by state (active, inactive).", ["state"] as const, async function () {
    try {
      const c = await countUsersByState();
      this.set({ state: "active" }, c.active);
      this.set({ state: "inactive" }, c.inactive);
    } catch (err) {
      this.reset();
      warn("timetracker_users", err);
    }
  });
  scrapeGauge(
    "timetracker_webhook_queue_depth",
    "Webhook deliveries not finished: pending (due or waiting for a retry) and delivering (claimed now).",
    ["state"] as const,
    async function () {
      try {
        const q = await countWebhookQueue();
        this.set({ state: "pending" }, q.pending);
        this.set({ state: "delivering" }, q.delivering);
      } catch (err) {
        this.reset();
        warn("timetracker_webhook_queue_depth", err);
      }
    },
  );
  if (poolStats()) {
    scrapeGauge(
      "timetracker_db_pool_connections",
      "PostgreSQL pool connections by state: total (open), idle, waiting (requests queued for a connection).",
      ["state"] as const,
      function () {
        const pool = poolStats();
        if (!pool) return this.reset();
        this.set({ state: "total" }, pool.total);
        this.set({ state: "idle" }, pool.idle);
        this.set({ state: "waiting" }, pool.waiting);
      },
    );
    scrapeGauge(
      "timetracker_db_pool_max_connections",
      "Configured maximum of the PostgreSQL pool (DB_POOL_MAX).",
      [],
      function () {
        const pool = poolStats();
        if (pool) this.set(pool.max);
      },
    );
  }
  if (embeddedQueueLength() !== null) {
    scrapeGauge(
      "timetracker_db_embedded_waiting",
      "Embedded database (PGlite) only: statements and transactions waiting for its one connection.",
      [],
      function () {
        const queued = embeddedQueueLength();
        if (queued !== null) this.set(queued);
      },
    );
  }
}
