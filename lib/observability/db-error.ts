// Recognises a database error (Prisma client errors, driver-adapter errors, PostgreSQL/PGlite
// errors) and describes it WITHOUT its message: Prisma renders the statement's arguments (notes,
// emails, user ids) into the message, and driver errors quote the offending values. Logs and Sentry
// get the code and the statement's model/operation only. Pure, no imports: usable in any bundle.

export interface DbErrorSummary {
  /** The error's class name, e.g. PrismaClientKnownRequestError. */
  type: string;
  /** Prisma's code (P2002) or PostgreSQL's SQLSTATE (23505), when the error has one. */
  code?: string;
  /** The statement's model and operation, e.g. timeEntry / create ("raw" / "query" for plain SQL). */
  model?: string;
  operation?: string;
}

/** The text logged and reported in place of a database error's message. */
export const DB_ERROR_MESSAGE = "database error (message withheld: it can carry the statement's values)";

const DB_TAG = Symbol.for("timetracker.dbErrorStatement");
const PRISMA_TYPE = /^PrismaClient\w*Error$/;
const DB_TYPES = new Set(["DriverAdapterError", "DatabaseError"]);
// Prisma: "Invalid `tx.timeEntry.create()` invocation" / "`prisma.user.findUnique()`".
const INVOCATION = /`(?:[\w$]+\.)*?([\w$]+)\.([\w$]+)\(\)`/;
// The same text in an error that lost its class (re-thrown or serialized across a boundary).
const PRISMA_TEXT = /Invalid `(?:[\w$]+\.)*[\w$]+\(\)` invocation/;
const SQLSTATE = /^[0-9A-Z]{5}$/;
const IDENT = /^[\w$]{1,64}$/;

type ErrLike = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  clientVersion?: unknown;
  severity?: unknown;
  routine?: unknown;
  meta?: { modelName?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  cause?: unknown;
  [DB_TAG]?: { model: string; operation: string };
};

function typeName(e: object): string {
  const ctor = (e as { constructor?: { name?: unknown } }).constructor?.name;
  const name = (e as ErrLike).name;
  if (typeof ctor === "string" && ctor !== "Error" && ctor !== "Object") return ctor;
  return typeof name === "string" ? name : "Error";
}

/** True for an error thrown by Prisma, a driver adapter, pg or PGlite. */
export function isDbError(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const e = err as ErrLike;
  const type = typeName(err);
  if (PRISMA_TYPE.test(type) || (typeof e.name === "string" && PRISMA_TYPE.test(e.name))) return true;
  if (typeof e.clientVersion === "string") return true;
  if (DB_TYPES.has(type) || (typeof e.name === "string" && DB_TYPES.has(e.name))) return true;
  if (typeof e.message === "string" && PRISMA_TEXT.test(e.message)) return true;
  // pg's and PGlite's server errors: a SQLSTATE code plus the server's severity.
  return typeof e.code === "string" && SQLSTATE.test(e.code) && typeof e.severity === "string";
}

/** Remembers which statement failed (lib/db's query extension calls this). */
export function tagDbError(err: unknown, model: string, operation: string): void {
  if (!err || typeof err !== "object") return;
  try {
    Object.defineProperty(err, DB_TAG, { value: { model, operation }, enumerable: false, configurable: true });
  } catch {
    // A frozen error keeps its (message-derived) description.
  }
}

/** Code, type and statement of a database error; null for any other error. */
export function describeDbError(err: unknown): DbErrorSummary | null {
  if (!isDbError(err)) return null;
  const e = err as ErrLike;
  const out: DbErrorSummary = { type: typeName(err as object) };
  const adapterCode = e.meta?.driverAdapterError?.cause?.originalCode ?? e.meta?.driverAdapterError?.cause?.kind;
  const code = typeof e.code === "string" ? e.code : typeof adapterCode === "string" ? adapterCode : undefined;
  if (code && IDENT.test(code)) out.code = code;
  const tag = e[DB_TAG];
  const m = typeof e.message === "string" ? INVOCATION.exec(e.message) : null;
  const model = tag?.model ?? (typeof e.meta?.modelName === "string" ? e.meta.modelName : m?.[1]);
  const operation = tag?.operation ?? m?.[2];
  if (model && IDENT.test(model)) out.model = model;
  if (operation && IDENT.test(operation)) out.operation = operation;
  return out;
}

/** A stack trace without its message lines (the frames only), headed by the error's type. */
export function framesOnly(type: string, stack: unknown): string {
  const frames = typeof stack === "string" ? stack.split("\n").filter((l) => /^\s+at /.test(l)) : [];
  return [`${type}: ${DB_ERROR_MESSAGE}`, ...frames].join("\n");
}

/** The first database error in err's cause chain (err itself included), if any. */
export function findDbError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== "object" || depth > 8) return undefined;
  if (isDbError(err)) return err;
  return findDbError((err as ErrLike).cause, depth + 1);
}
