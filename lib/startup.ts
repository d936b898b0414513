// What instrumentation.ts runs once per server process, in order. Any failure here stops the start
// with one clear line: a half-configured server must not serve.
import "server-only";
import { closeDb, dbConnection, ensureMigrated } from "@/lib/db";
import { env, EnvError } from "@/lib/env";
import { secretProblem } from "@/lib/security/secret-policy";
import { flushLogs, logFileReady, logger, reopenLogFile } from "@/lib/observability/logger";
import { startTelemetryScheduler, stopTelemetryScheduler } from "@/lib/services/telemetry/scheduler";

const g = globalThis as unknown as { __ttStarted?: boolean };

async function fatal(message: string, err?: unknown): Promise<never> {
  console.error(`TimeTracker cannot start: ${message}`);
  try {
    logger().fatal({ event: "startup.failed", err }, message);
    await logFileReady();
    flushLogs();
  } catch {
    // The logger itself may be what failed; stderr already has the line.
  }
  // Exit ourselves: Next would only report the failed instrumentation hook and keep the process up.
  process.exit(1);
}

export async function startServer(): Promise<void> {
  if (g.__ttStarted) return;
  g.__ttStarted = true;
  try {
    env();
  } catch (err) {
    if (err instanceof EnvError) await fatal(err.message);
    throw err;
  }
  const secret = secretProblem(env());
  if (secret) await fatal(secret);
  const log = logger();
  try {
    const conn = dbConnection();
    const res = await ensureMigrated();
    log.info(
      { event: "startup.migrated", database: conn.raw.kind, applied: res.applied.length, already_applied: res.alreadyApplied },
      res.applied.length ? `applied ${res.applied.length} migration(s)` : "database schema is up to date",
    );
  } catch (err) {
    await fatal((err as Error).message, err);
  }
  // Opt-in installation telemetry, in the background: never blocks start-up (unref'd timers).
  startTelemetryScheduler();
  installSignalHandlers();
  log.info({ event: "startup.ready", node: process.version }, "TimeTracker started");
}

function installSignalHandlers() {
  const shutdown = async (signal: string) => {
    logger().info({ event: "shutdown", signal }, "shutting down");
    stopTelemetryScheduler();
    try {
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
