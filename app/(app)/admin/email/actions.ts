"use server";
// Admin email page: sends the test email to the calling admin. Administrators only; the service authorizes.
import { defineAction, ZNoInput } from "@/lib/action";
import { sendTestEmail } from "@/lib/services/email";

export const sendTestEmailAction = defineAction({
  name: "admin.send_test_email",
  access: "admin",
  from: "form",
  input: ZNoInput,
  run: (actor) => sendTestEmail(actor),
});
