// Recognises database failures by their error codes, across Prisma's known-request errors and the
// raw driver errors that driver adapters pass through.
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    e?.code === "P2002" ||
    e?.code === "23505" ||
    e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}

/** The database refused a value that got past validation: a malformed uuid, a NUL byte in text,
 * an out-of-range date. A bad request (VALIDATION), not a server fault. */
export function isBadValue(err: unknown): boolean {
  const e = err as {
    code?: string;
    message?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
  };
  const pg = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.code ?? "";
  if (["P2007", "P2023", "P2020", "22P02", "22021", "22007", "22008", "22003"].includes(pg)) return true;
  return /invalid input syntax for type uuid|invalid byte sequence|out of range|Error creating UUID/i.test(
    String(e?.message ?? ""),
  );
}
