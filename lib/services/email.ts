// Email as administrators see it: whether it is set up, and a test email to their own address.
// Admin only (assertAdmin). The emails of password resets and invitations go out from their services.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { linkMailReady, mailConfigured, mailServerLabel, sendMail } from "@/lib/mail/send";
import { testMail } from "@/lib/mail/templates";
import { track } from "@/lib/observability/track";
import { assertAdmin, type Caller } from "./actor";
import { getOrgSettings } from "./settings";

export interface MailStatusDto {
  configured: boolean;
  /** Host, port and TLS mode; never the credentials. */
  server: string | null;
  /** Links in emails need NEXTAUTH_URL (never the request's Host): without it, no reset emails. */
  linksReady: boolean;
}

export async function getMailStatus(actor: Caller): Promise<MailStatusDto> {
  assertAdmin(actor, "see the email settings");
  return { configured: mailConfigured(), server: mailServerLabel(), linksReady: linkMailReady() };
}

/** Sends the test email to the calling admin's own address (never to an address from the form). */
export async function sendTestEmail(actor: Caller): Promise<{ sentTo: string }> {
  assertAdmin(actor, "send a test email");
  if (!actor.id) throw new AppError("VALIDATION", "Only a signed-in administrator can receive the test email.");
  if (!mailConfigured()) {
    throw new AppError("CONFLICT", "Email is not set up: set SMTP_URL and SMTP_FROM (see docs/configuration.md).");
  }
  const me = await db().user.findUnique({ where: { id: actor.id }, select: { email: true } });
  if (!me) throw new AppError("NOT_FOUND", "That account does not exist.");
  try {
    await sendMail("test", me.email, testMail((await getOrgSettings()).name));
  } catch (err) {
    track("admin.test_email_sent", { delivered: false }, { userId: actor.id });
    throw err;
  }
  track("admin.test_email_sent", { delivered: true }, { userId: actor.id });
  return { sentTo: me.email };
}
