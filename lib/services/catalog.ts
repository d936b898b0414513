// What clients and projects (the team's shared catalog) have in common: a name unique in its scope,
// an archive flag, and deletion only by admins when nothing depends on the row.
import "server-only";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "./prisma-errors";

/** Runs a create or update; a unique-name violation becomes CONFLICT with the message on the name field. */
export async function withUniqueName<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", message, { name: [message] });
    throw err;
  }
}
