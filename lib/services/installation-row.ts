// The installation's singleton row (random id and salt), created the first time anything asks.
// Internal to the services: it returns the salt, so no page or action may hand it out. A module of
// its own so the telemetry sender can use it without importing installation.ts (which kicks the sender).
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Installation } from "@/lib/db/generated/client";
import { isUniqueViolation } from "./prisma-errors";
import { APP_VERSION } from "./telemetry/version";

export type InstallationRow = Installation;

export async function ensureInstallation(): Promise<InstallationRow> {
  const found = await db().installation.findUnique({ where: { id: 1 } });
  if (found) return found;
  const now = new Date();
  try {
    return await db().installation.create({
      data: {
        id: 1,
        installationId: randomUUID(),
        salt: randomBytes(32).toString("hex"),
        appVersion: APP_VERSION,
        // The same instant for both: on first run, installed and "updated" are the same moment.
        appVersionSince: now,
        createdAt: now,
      },
    });
  } catch (err) {
    // Another request or process created it first: use theirs.
    if (isUniqueViolation(err)) return db().installation.findUniqueOrThrow({ where: { id: 1 } });
    throw err;
  }
}
