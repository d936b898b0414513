// JSON lines to stdout and to logs/app.jsonl (LOG_DIR/LOG_FILE). No pino transports: their worker
// threads break under Next's bundler. Secrets are redacted by key; emails/notes are never logged.
import fs from "node:fs";
import path from "node:path";
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";
import { describeDbError, framesOnly, DB_ERROR_MESSAGE } from "./db-error";
import { currentContext } from "./request-context";

export const REDACT_PATHS = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "dsn",
  "*.dsn",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  "req.headers.authorization",
  "req.headers.cookie",
  "apiKey",
  "*.apiKey",
];

type Holder = {
  __ttBase?: Logger;
  __ttLogger?: Logger;
  __ttLogFile?: pino.DestinationStream & { reopen?: () => void; flushSync?: () => void };
};
const g = globalThis as unknown as Holder;

export function createLogger(opts: { level: string; filePath?: string; stdout?: boolean }) {
  const streams: pino.StreamEntry[] = [];
  if (opts.stdout !== false)
    streams.push({ level: opts.level as pino.Level, stream: pino.destination({ dest: 1, sync: false }) });
  let file: Holder["__ttLogFile"];
  if (opts.filePath) {
    fs.mkdirSync(path.dirname(opts.filePath), { recursive: true });
    file = pino.destination({ dest: opts.filePath, mkdir: true, sync: false });
    streams.push({ level: opts.level as pino.Level, stream: file });
  }
  const logger = pino(
    {
      base: undefined,
      level: opts.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      messageKey: "message",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
      mixin() {
        const ctx = currentContext();
        return ctx ? { request_id: ctx.requestId, ...(ctx.userId ? { user_id: ctx.userId } : {}) } : {};
      },
    },
    pino.multistream(streams),
  );
  return { logger, file };
}

const isErrorLike = (v: unknown): v is Error =>
  Boolean(v) && typeof v === "object" && typeof (v as Error).message === "string" && "stack" in (v as object);

/**
 * pino's `err` serializer, except that a database error (anywhere in the cause chain) is logged by
 * its type, code and the statement's model/operation — never its message, stack message or
 * parameters, which carry the values of the failed statement (notes, emails, ids).
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!isErrorLike(err) || depth > 8) return err;
  const db = describeDbError(err);
  if (db) return { ...db, message: DB_ERROR_MESSAGE, stack: framesOnly(db.type, err.stack) };
  const out: Record<string, unknown> = {
    type: err.constructor?.name && err.constructor.name !== "Object" ? err.constructor.name : err.name,
    message: err.message,
    stack: err.stack,
  };
  for (const [k, v] of Object.entries(err)) {
    if (k in out || k === "cause" || k === "errors") continue;
    out[k] = isErrorLike(v) ? serializeError(v, depth + 1) : v;
  }
  const cause = (err as { cause?: unknown }).cause;
  if (cause !== undefined) out.cause = serializeError(cause, depth + 1);
  const errors = (err as { errors?: unknown }).errors;
  if (Array.isArray(errors)) out.errors = errors.map((e) => serializeError(e, depth + 1));
  return out;
}

function base(): Logger {
  if (!g.__ttBase) {
    const e = env();
    const { logger: l, file } = createLogger({
      level: e.LOG_LEVEL,
      filePath: e.NODE_ENV === "test" ? undefined : e.logFilePath,
      stdout: true,
    });
    g.__ttBase = l;
    g.__ttLogFile = file;
  }
  return g.__ttBase;
}

/** The process's main logger (logger name "app"). */
export function logger(): Logger {
  g.__ttLogger ??= base().child({ logger: "app" });
  return g.__ttLogger;
}

/** A logger with its own name, e.g. childLogger("db"). Names are static strings. */
export function childLogger(name: string): Logger {
  return base().child({ logger: name });
}

/** Reopen the log file (after logrotate moved it). */
export function reopenLogFile(): void {
  g.__ttLogFile?.reopen?.();
}

/** Resolves once the log file is open (it opens asynchronously), or after timeoutMs. */
export async function logFileReady(timeoutMs = 2000): Promise<void> {
  const file = g.__ttLogFile as (NodeJS.EventEmitter & { fd?: number }) | undefined;
  if (!file || (file.fd ?? -1) >= 0) return;
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, timeoutMs);
    file.once("ready", () => (clearTimeout(t), resolve()));
  });
}

/** Write out buffered lines (before exit). */
export function flushLogs(): void {
  try {
    g.__ttBase?.flush();
    g.__ttLogFile?.flushSync?.();
  } catch {
    // Nothing more can be done at exit.
  }
}

/** For tests: make logger()/childLogger() write through the given base logger (undefined restores). */
export function setBaseLogger(l: Logger | undefined, file?: Holder["__ttLogFile"]): void {
  g.__ttBase = l;
  g.__ttLogFile = file;
  delete g.__ttLogger;
}
