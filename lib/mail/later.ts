// Work that must not run while the request waits: a password-reset request answers at once and
// alike for every address, and the lookup and the email follow. Failures are logged, never thrown.
import "server-only";
import { logger } from "@/lib/observability/logger";

const g = globalThis as unknown as { __ttMailLater?: Set<Promise<void>> };
const pending = () => (g.__ttMailLater ??= new Set());

export function deliverLater(what: string, fn: () => Promise<void>): void {
  const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(fn)
    .catch((err: unknown) => {
      // The mail layer logs a failed send itself; this is for anything else (the database).
      if ((err as { code?: string })?.code !== "INTERNAL") {
        logger().error(
          { event: "mail.later_failed", what, err_name: (err as Error)?.name },
          "deferred email work failed",
        );
      }
    })
    .finally(() => pending().delete(p));
  pending().add(p);
}

/** Resolves once every deferred delivery started so far has finished (tests; graceful shutdown). */
export async function drainMail(): Promise<void> {
  while (pending().size) await Promise.all([...pending()]);
}
