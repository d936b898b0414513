// The ONE function that builds the installation-telemetry payload: the admin page's preview and the
// sender both call it, so the preview is exactly the bytes that would be sent. The payload holds
// only what docs/privacy.md section 5 lists: fingerprint, version, install and update timestamps.
import { createHash } from "node:crypto";
import os from "node:os";

export interface TelemetryPayload {
  /** SHA-256(hostname + salt), hex. Cannot be reversed; changes when the salt changes. */
  fingerprint: string;
  app_version: string;
  /** When this installation first ran. */
  installed_at: string;
  /** When it first ran its current version. */
  updated_at: string;
}

export const PAYLOAD_FIELDS = ["fingerprint", "app_version", "installed_at", "updated_at"] as const;

export function fingerprintFor(hostname: string, salt: string): string {
  return createHash("sha256")
    .update(hostname + salt)
    .digest("hex");
}

export interface PayloadSource {
  salt: string;
  createdAt: Date;
  appVersionSince: Date | null;
}

export function buildTelemetryPayload(
  inst: PayloadSource,
  opts: { version: string; teleSalt?: string; hostname?: string },
): TelemetryPayload {
  return {
    fingerprint: fingerprintFor(opts.hostname ?? os.hostname(), opts.teleSalt ?? inst.salt),
    app_version: opts.version,
    installed_at: inst.createdAt.toISOString(),
    updated_at: (inst.appVersionSince ?? inst.createdAt).toISOString(),
  };
}

/** The request body, byte for byte (also what the admin page shows). */
export function payloadBody(p: TelemetryPayload): string {
  return JSON.stringify(p, null, 2);
}
