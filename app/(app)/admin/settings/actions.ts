"use server";
// Admin settings: saves the organization settings; tests the single sign-on connection. Administrators only; the service authorizes.
import { defineAction, ZNoInput } from "@/lib/action";
import { updateOrgSettings } from "@/lib/services/settings";
import { testSsoConnection } from "@/lib/services/sso-admin";
import { ZOrgSettingsUpdate } from "@/lib/validation/settings";

export const updateSettingsAction = defineAction({
  name: "admin.update_settings",
  access: "admin",
  from: "form",
  input: ZOrgSettingsUpdate,
  checkboxes: ["selfRegistration", "membersSeeMoney", "ssoJitEnabled", "ssoOnly"],
  run: async (actor, input) => void (await updateOrgSettings(actor, input)),
  revalidate: [["/", "layout"]],
});

export const testSsoConnectionAction = defineAction({
  name: "admin.test_sso_connection",
  access: "admin",
  from: "form",
  input: ZNoInput,
  run: (actor) => testSsoConnection(actor),
});
