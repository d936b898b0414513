"use server";
// Admin telemetry page: turns installation telemetry and product analytics on or off. Admins only;
// the services authorize and record the change.
import { defineAction } from "@/lib/action";
import { setProductAnalyticsChoice } from "@/lib/services/installation";
import { setInstallationTelemetry } from "@/lib/services/telemetry";
import { ZEnabled } from "@/lib/validation/settings";

export const setTelemetryAction = defineAction({
  name: "admin.set_telemetry",
  access: "admin",
  from: "form",
  input: ZEnabled,
  run: async (actor, input) => ({ enabled: (await setInstallationTelemetry(actor, input)).enabled }),
  revalidate: ["/admin/telemetry"],
});

export const setProductAnalyticsAction = defineAction({
  name: "admin.set_product_analytics",
  access: "admin",
  from: "form",
  input: ZEnabled,
  run: (actor, input) => setProductAnalyticsChoice(actor, input),
  revalidate: ["/admin/telemetry"],
});
