// What instrumentation.ts runs once per server process, in order. Any failure here stops the start
// with one clear line: a half-configured server must not serve.
import "server-only";
import { closeDb, dbConnection, ensureMigrated } from "@/lib/db";
import { env, EnvError } from "@/lib/env";
import { registerBusinessMetrics } from "@/lib/observability/business-metrics";
import { flushLogs, logger, reopenLogFile } from "@/lib/observability/logger";
import { shutdownPosthog } from "@/lib/observability/analytics";
import { flushSentry, sentryEnvironment } from "@/lib/observability/sentry";
import { installObservability } from "@/lib/observability/setup";
import { APP_VERSION } from "@/lib/version";

const g = globalThis as unknown as { __ttStarted?: boolean };

function fatal(message: string, err?: unknown): never {
  console.error(`TimeTracker cannot start: ${message}`);
  try {
    logger().fatal({ event: "startup.failed", err }, message);
    flushLogs();
  } catch {
    // The logger itself may be what failed.
  }
  process.exit(1);
}

export async function startServer(): Promise<void> {
  if (g.__ttStarted) return;
  g.__ttStarted = true;
  try {
    env();
  } catch (err) {
    if (err instanceof EnvError) fatal(err.message);
    throw err;
  }
  const log = logger();
  try {
    const conn = dbConnection();
    const res = await ensureMigrated();
    log.info(
      { event: "startup.migrated", database: conn.raw.kind, applied: res.applied.length, already_applied: res.alreadyApplied },
      res.applied.length ? `applied ${res.applied.length} migration(s)` : "database schema is up to date",
    );
  } catch (err) {
    fatal((err as Error).message, err);
  }
  const obs = installObservability();
  registerBusinessMetrics();
  installSignalHandlers();
  log.info(
    {
      event: "startup.ready",
      node: process.version,
      version: APP_VERSION,
      sentry: obs.sentry ? sentryEnvironment() : "off",
      posthog: obs.posthog ? "configured" : "off",
    },
    "TimeTracker started",
  );
}

function installSignalHandlers() {
  const shutdown = async (signal: string) => {
    logger().info({ event: "shutdown", signal }, "shutting down");
    try {
      // Queued analytics and error reports go out first (bounded waits), then the database closes.
      await Promise.allSettled([shutdownPosthog(3000), flushSentry(2000)]);
      await closeDb();
    } finally {
      flushLogs();
      process.exit(0);
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGHUP", () => {
    reopenLogFile();
    logger().info({ event: "log.reopened" }, "log file reopened");
  });
}
