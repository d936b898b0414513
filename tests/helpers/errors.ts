// What a failure looks like to its caller, for assertions on the error code rather than on "it threw".
import { toActionError } from "@/lib/action";

/** The ActionResult code a server action would answer with for this failure ("VALIDATION", …). */
export async function actionCodeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (err === null) return "resolved";
  const r = toActionError(err, "test");
  return r.ok ? "ok" : r.error.code;
}

/** PostgreSQL's SQLSTATE of a failed statement, through Prisma and either driver adapter
 * ("23505" unique violation, "23514" check violation), or "resolved". */
export async function sqlStateOf(p: Promise<unknown>): Promise<string> {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null;
  if (err === null) return "resolved";
  return err.meta?.driverAdapterError?.cause?.originalCode ?? err.code ?? String(err);
}
