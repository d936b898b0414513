"use server";
// Admin telemetry page: turns installation telemetry and product analytics on or off. Admins only.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireAdmin } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { setProductAnalyticsChoice } from "@/lib/services/installation";
import { setInstallationTelemetry } from "@/lib/services/telemetry";
import { formValue } from "@/lib/validation/form";
import { ZCheckbox } from "@/lib/validation/setup";

export async function setTelemetryAction(_prev: unknown, form: FormData): Promise<ActionResult<{ enabled: boolean }>> {
  return runAction("admin.set_telemetry", async () => {
    const admin = await requireAdmin();
    const enabled = ZCheckbox.parse(formValue(form, "enabled"));
    await setInstallationTelemetry(enabled);
    track("admin.telemetry_toggled", { enabled }, { userId: admin.id });
    revalidatePath("/admin/telemetry");
    return { enabled };
  });
}

export async function setProductAnalyticsAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ enabled: boolean }>> {
  return runAction("admin.set_product_analytics", async () => {
    await requireAdmin();
    const enabled = ZCheckbox.parse(formValue(form, "enabled"));
    await setProductAnalyticsChoice(enabled);
    revalidatePath("/admin/telemetry");
    return { enabled };
  });
}
