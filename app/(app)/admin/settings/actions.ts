"use server";
// Admin settings: saves the organization settings. Administrators only; the service authorizes.
import { defineAction } from "@/lib/action";
import { updateOrgSettings } from "@/lib/services/settings";
import { ZOrgSettingsUpdate } from "@/lib/validation/settings";

export const updateSettingsAction = defineAction({
  name: "admin.update_settings",
  access: "admin",
  from: "form",
  input: ZOrgSettingsUpdate,
  checkboxes: ["selfRegistration", "membersSeeMoney"],
  run: async (actor, input) => void (await updateOrgSettings(actor, input)),
  revalidate: [["/", "layout"]],
});
