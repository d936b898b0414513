// Every environment variable TimeTracker reads, parsed once with zod. No other module reads process.env.
// Keep docs/configuration.md in step with this file.
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies, trustedProxiesProblem, type TrustedProxies } from "./security/trusted-proxies";

const bool = (def: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? def : /^(1|true|yes|on)$/i.test(v.trim())));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const optionalUrl = (schemes: string[], hint: string) =>
  optionalString.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        return schemes.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: hint },
  );

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"], "must be a postgres:// or postgresql:// URL"),
  /** A read replica of DATABASE_URL: reports and CSV exports read there (lib/db/index.ts readConnection). */
  DATABASE_REPLICA_URL: optionalUrl(["postgres:", "postgresql:"], "must be a postgres:// or postgresql:// URL"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default("./data"),
  MIGRATIONS_DIR: optionalString,
  LOG_DIR: z.string().default("./logs"),
  LOG_FILE: z.string().default("app.jsonl"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalUrl(["http:", "https:"], "must be an http(s) URL"),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed logins per client address (all accounts together) in one window: a shared office NAT. */
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(20),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  /** REST API requests per personal access token per minute (shared by every app instance). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed: IPs, CIDRs, "loopback", "private". */
  TRUSTED_PROXIES: optionalString.superRefine((v, ctx) => {
    const problem = trustedProxiesProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  /** Outgoing mail: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset: no email. */
  SMTP_URL: optionalUrl(["smtp:", "smtps:"], "must be an smtp:// or smtps:// URL"),
  /** The From header of every email, e.g. "TimeTracker <time@example.com>". Required with SMTP_URL. */
  SMTP_FROM: optionalString,
  /** OpenID Connect single sign-on (docs/setup-and-admin.md): the provider's issuer URL. Unset: no SSO. */
  OIDC_ISSUER: optionalUrl(["http:", "https:"], "must be the provider's http(s) issuer URL"),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_SCOPES: z.string().trim().min(1).default("openid email profile"),
  /** The login button reads "Sign in with <label>". */
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(60).default("single sign-on"),
  /** Members of this group (in OIDC_GROUPS_CLAIM) become administrators at each SSO login; others do not. */
  OIDC_ADMIN_GROUP: optionalString,
  OIDC_GROUPS_CLAIM: z.string().trim().min(1).default("groups"),
  /** With "SSO only" on: /login?password=1 still shows the password form (a way in when the provider is down). */
  OIDC_EMERGENCY_PASSWORD_LOGIN: bool(false),
  METRICS_TOKEN: optionalString,
  SENTRY_DSN: optionalUrl(["http:", "https:"], "must be a Sentry DSN URL"),
  SENTRY_TRACES_RATE: z.coerce.number().min(0).max(1).default(0),
  SENTRY_ENVIRONMENT: optionalString,
  POSTHOG_API_KEY: optionalString,
  POSTHOG_HOST: z.url({ message: "must be an http(s) URL" }).default("https://eu.i.posthog.com"),
  ENABLE_TELEMETRY: bool(false),
  DO_NOT_TRACK: bool(false),
  TELE_URL: optionalUrl(["http:", "https:"], "must be an http(s) URL"),
  TELE_SALT: optionalString,
  TELEMETRY_DEBUG: bool(false),
  /** Hours between installation-telemetry update checks (when telemetry is on). */
  TELEMETRY_INTERVAL_HOURS: z.coerce
    .number()
    .min(0.1, "must be at least 0.1")
    .max(720, "must be at most 720")
    .default(24),
  /** Request timeout for installation telemetry, in seconds. */
  TELEMETRY_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
  /** Webhooks (docs/webhooks.md): run the delivery worker in this process. */
  WEBHOOK_WORKER: bool(true),
  /** Let webhooks reach private, loopback and link-local addresses (an internal receiver). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool(false),
  WEBHOOK_POLL_SECONDS: z.coerce.number().min(0.1).max(60).default(1),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().min(1).max(60).default(10),
  /** Consecutive failed attempts after which an endpoint is disabled. */
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  GIT_COMMIT: z.string().default("unknown"),
  /** After SIGTERM: seconds to keep serving while /api/ready says 503, so a load balancer stops sending work. */
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().min(0).max(60).default(0),
  /** After SIGTERM: longest wait for the requests in flight before their connections are closed. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(600).default(8),
  /** Test suite only: scrypt cost (log2 N) for new password hashes, honoured only when NODE_ENV=test
   * (lib/auth/password.ts); every other mode always hashes at the production cost, 15. */
  TEST_PASSWORD_HASH_LOG_N: z.coerce.number().int().min(10).max(15).optional(),
});

export type TEnv = z.infer<typeof ZEnv> & {
  /** Absolute paths resolved from the relative defaults. */
  dataDir: string;
  logFilePath: string;
  migrationsDir: string;
  trustedProxies: TrustedProxies;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Parses a given environment; throws EnvError with one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const res = ZEnv.safeParse(source);
  if (!res.success) {
    const issue = res.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new EnvError(`Invalid configuration: ${name} ${issue?.message ?? "is invalid"}`);
  }
  const e = res.data;
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new EnvError("Invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL (a replica of which primary?)");
  }
  if (e.SMTP_URL && !e.SMTP_FROM) {
    throw new EnvError("Invalid configuration: SMTP_FROM must be set when SMTP_URL is set");
  }
  if (e.OIDC_ISSUER && !(e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET)) {
    throw new EnvError(
      "Invalid configuration: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set when OIDC_ISSUER is set",
    );
  }
  if (e.OIDC_ISSUER && !e.OIDC_SCOPES.split(/\s+/).includes("openid")) {
    throw new EnvError("Invalid configuration: OIDC_SCOPES must include openid");
  }
  return {
    ...e,
    dataDir: path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR),
    logFilePath: path.resolve(/*turbopackIgnore: true*/ e.LOG_DIR, e.LOG_FILE),
    migrationsDir: path.resolve(/*turbopackIgnore: true*/ e.MIGRATIONS_DIR ?? "prisma/migrations"),
    trustedProxies: parseTrustedProxies(e.TRUSTED_PROXIES),
  };
}

const cache = globalThis as unknown as { __ttEnv?: TEnv };

/** The process's configuration, parsed on first use. */
export function env(): TEnv {
  cache.__ttEnv ??= parseEnv(process.env);
  return cache.__ttEnv;
}

/**
 * next-auth 4 takes its base URL from NEXTAUTH_URL, else from the request's X-Forwarded-Host/-Proto
 * but only when AUTH_TRUST_HOST is set, else "http://localhost:3000". Our route hands next-auth
 * headers that carry publicOrigin() (lib/auth/route-handler.ts), so it may trust them.
 */
export function letNextAuthUseRequestOrigin(): void {
  process.env.AUTH_TRUST_HOST = "true";
}

/** For tests: forget the parsed configuration so the next env() call re-reads process.env. */
export function resetEnvCache(): void {
  delete cache.__ttEnv;
}
