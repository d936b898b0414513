"use server";
// First-run wizard: validates each step on the server, then completes setup once. These actions
// need no session (there is no account yet); they refuse to do anything once setup is complete.
import { runAction } from "@/lib/action";
import { AppError, type ActionResult } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { completeSetup, isSetupComplete } from "@/lib/services/installation";
import { kickTelemetry } from "@/lib/services/telemetry/scheduler";
import { asFormData, formField } from "@/lib/validation/form";
import { STEP_SCHEMAS } from "@/lib/validation/setup";

const ALREADY = "Setup is already complete. Sign in instead.";

function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of asFormData(form).entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}

export async function validateSetupStepAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("setup.validate_step", async () => {
    if (await isSetupComplete()) throw new AppError("CONFLICT", ALREADY);
    const step = formField(form, "step");
    if (!(step in STEP_SCHEMAS)) throw new AppError("VALIDATION", "Unknown setup step.");
    STEP_SCHEMAS[step as keyof typeof STEP_SCHEMAS].parse(fields(form));
    return null;
  });
}

export async function completeSetupAction(_prev: unknown, form: FormData): Promise<ActionResult<{ username: string }>> {
  return runAction("setup.complete", async () => {
    if (await isSetupComplete()) throw new AppError("CONFLICT", ALREADY);
    const data = fields(form);
    const res = await completeSetup(data);
    track(
      "setup.completed",
      { telemetry_enabled: res.telemetryEnabled, product_analytics_enabled: res.productAnalyticsEnabled },
      { userId: res.adminId },
    );
    if (res.telemetryEnabled) kickTelemetry();
    return { username: String(data.username ?? "").trim() };
  });
}
