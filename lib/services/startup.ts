// What instrumentation.ts runs once per server process, in order. Any failure here stops the start
// with one clear line: a half-configured server must not serve.
import "server-only";
import { closeDb, dbConnection, ensureMigrated } from "@/lib/db";
import { env, EnvError } from "@/lib/env";
import { secretProblem } from "@/lib/security/secret-policy";
import { installForwardedGuard } from "@/lib/security/forwarded-guard";
import { flushLogs, logFileReady, logger, reopenLogFile } from "@/lib/observability/logger";
import { startTelemetryScheduler, stopTelemetryScheduler } from "@/lib/services/telemetry/scheduler";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/services/webhook-worker";
import { registerBusinessMetrics } from "@/lib/observability/business-metrics";
import { shutdownPosthog } from "@/lib/observability/analytics";
import { flushSentry, sentryEnvironment } from "@/lib/observability/sentry";
import { installObservability } from "@/lib/observability/setup";
import { APP_VERSION } from "@/lib/version";
import { drain, onShutdown, trackRequests } from "@/lib/services/cluster/drain";
import { onLeadership, startLeaderElection, stopLeaderElection } from "@/lib/services/cluster/leader";

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
  // Before the first request: client addresses and forwarded headers are vetted at the socket.
  installForwardedGuard(env().trustedProxies);
  const log = logger();
  try {
    const conn = dbConnection();
    const res = await ensureMigrated();
    log.info(
      {
        event: "startup.migrated",
        database: conn.raw.kind,
        applied: res.applied.length,
        already_applied: res.alreadyApplied,
      },
      res.applied.length ? `applied ${res.applied.length} migration(s)` : "database schema is up to date",
    );
  } catch (err) {
    await fatal((err as Error).message, err);
  }
  const obs = installObservability();
  registerBusinessMetrics();
  trackRequests();
  // Opt-in installation telemetry, in the background (unref'd timers), run by one instance: the leader.
  onLeadership({ name: "telemetry", start: () => startTelemetryScheduler(), stop: stopTelemetryScheduler });
  await startLeaderElection();
  // Webhook deliveries, in the background; every instance may run one (claims are exclusive).
  if (env().WEBHOOK_WORKER) startWebhookWorker();
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
  // The shutdown sequence (lib/services/cluster/drain.ts runs it in this order after the requests in
  // flight have finished): leadership first, so another instance takes over at once; then queued
  // analytics and error reports (bounded waits); the database last.
  onShutdown({ name: "leader", order: 10, run: stopLeaderElection });
  // Webhook deliveries in flight finish (each bounded by WEBHOOK_TIMEOUT_SECONDS) before the database closes.
  onShutdown({ name: "webhooks", order: 40, run: stopWebhookWorker });
  onShutdown({
    name: "flush",
    order: 50,
    run: async () => void (await Promise.allSettled([shutdownPosthog(3000), flushSentry(2000)])),
  });
  onShutdown({ name: "database", order: 90, run: closeDb });
  const shutdown = async (signal: string) => {
    const e = env();
    logger().info({ event: "shutdown", signal }, "shutting down: draining");
    try {
      const res = await drain({
        delayMs: e.SHUTDOWN_DELAY_SECONDS * 1000,
        timeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
      });
      logger().info(
        { event: "shutdown.drained", abandoned: res.abandoned, hook_errors: res.hookErrors.length },
        res.abandoned ? `stopped with ${res.abandoned} request(s) still running` : "all requests finished",
      );
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
