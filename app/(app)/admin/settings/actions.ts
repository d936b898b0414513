"use server";
// Admin settings: saves the organization settings. Administrators only.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireAdmin } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { updateOrgSettings } from "@/lib/services/settings";
import { formValue } from "@/lib/validation/form";
import { ZOrgSettings } from "@/lib/validation/settings";
import { ZCheckbox } from "@/lib/validation/setup";

export async function updateSettingsAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("admin.update_settings", async () => {
    const admin = await requireAdmin();
    const get = (k: string) => formValue(form, k);
    const data = ZOrgSettings.parse({
      name: get("name"),
      timezone: get("timezone"),
      currency: get("currency"),
      weekStart: get("weekStart"),
      roundingMinutes: get("roundingMinutes"),
      roundingMode: get("roundingMode"),
      idleTimeoutMinutes: get("idleTimeoutMinutes"),
      csvDelimiter: get("csvDelimiter") === "tab" ? "\t" : get("csvDelimiter"),
      selfRegistration: ZCheckbox.parse(get("selfRegistration")),
    });
    await updateOrgSettings(data);
    track("admin.settings_updated", {}, { userId: admin.id });
    revalidatePath("/", "layout");
    return null;
  });
}
