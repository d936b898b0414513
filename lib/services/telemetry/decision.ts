// Is installation telemetry on? DO_NOT_TRACK always wins; then ENABLE_TELEMETRY or the admin's
// opt-in turns it on; anything else is off (the default).
export type TelemetryReason = "do_not_track" | "env" | "admin_opt_in" | "off";

export interface TelemetryDecision {
  enabled: boolean;
  reason: TelemetryReason;
}

export function decideTelemetry(
  e: { ENABLE_TELEMETRY: boolean; DO_NOT_TRACK: boolean },
  adminOptIn: boolean,
): TelemetryDecision {
  if (e.DO_NOT_TRACK) return { enabled: false, reason: "do_not_track" };
  if (e.ENABLE_TELEMETRY) return { enabled: true, reason: "env" };
  if (adminOptIn) return { enabled: true, reason: "admin_opt_in" };
  return { enabled: false, reason: "off" };
}
