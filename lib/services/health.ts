// Readiness: can this process reach its database and are its migrations applied?
import "server-only";
import { dbConnection, ensureMigrated } from "@/lib/db";
import { isDraining } from "./cluster/drain";

export type Readiness = { ready: true; database: "pglite" | "postgres" } | { ready: false; reason: string };

export async function checkReadiness(timeoutMs = 2000): Promise<Readiness> {
  // Shutting down (SIGTERM): a load balancer must stop sending work here, though the database answers.
  if (isDraining()) return { ready: false, reason: "draining" };
  try {
    const conn = dbConnection();
    const ping = (async () => {
      await ensureMigrated();
      await conn.raw.query("SELECT 1");
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([ping, timeout]).finally(() => clearTimeout(timer));
    return { ready: true, database: conn.raw.kind };
  } catch (err) {
    return { ready: false, reason: (err as Error).message };
  }
}
