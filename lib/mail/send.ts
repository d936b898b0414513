// Outgoing email over SMTP (nodemailer), configured by SMTP_URL and SMTP_FROM. One transport per
// process. Logs and metrics name the kind of email and the outcome only: never the recipient, the
// subject, the body (which holds links with tokens) or the server's reply (which may quote the address).
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { emailsSent } from "@/lib/observability/metrics";
import type { MailContent } from "./templates";

export type MailKind = "test" | "password_reset" | "invitation" | "webhook_disabled";

const g = globalThis as unknown as { __ttMail?: { url: string; transport: Transporter } };

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Where emailed links point: NEXTAUTH_URL only. A link built from the request's Host header could
 * be pointed at another site by whoever asks for a reset (and the token would go there), so
 * without NEXTAUTH_URL nothing with a link is mailed.
 */
export function mailLinkOrigin(): string | null {
  const url = env().NEXTAUTH_URL;
  return url ? new URL(url).origin : null;
}

/** Email with links can go out: SMTP and NEXTAUTH_URL are both set. */
export function linkMailReady(): boolean {
  return mailConfigured() && mailLinkOrigin() !== null;
}

/** "mail.example.com:587 (STARTTLS if offered)" for the admin page: host and port, never credentials. */
export function mailServerLabel(): string | null {
  const raw = env().SMTP_URL;
  if (!raw) return null;
  const u = new URL(raw);
  const tls = u.protocol === "smtps:";
  return `${u.hostname}:${u.port || (tls ? 465 : 587)} (${tls ? "TLS" : "STARTTLS if offered"})`;
}

function transport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new AppError("CONFLICT", "Email is not set up on this server.");
  if (g.__ttMail?.url !== url) {
    g.__ttMail = {
      url,
      transport: nodemailer.createTransport(url, {
        from: env().SMTP_FROM,
        // A mail server that hangs must not hold a request for minutes (nodemailer's defaults).
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return g.__ttMail.transport;
}

const REASONS: Record<string, string> = {
  ECONNECTION: "the mail server could not be reached",
  ETIMEDOUT: "the mail server did not answer in time",
  ESOCKET: "the connection to the mail server failed (check the host and port in SMTP_URL)",
  EAUTH: "the mail server refused the user name or password in SMTP_URL",
  ETLS: "the TLS handshake with the mail server failed",
  EENVELOPE: "the mail server refused the sender or the recipient",
  EMESSAGE: "the mail server refused the message",
};

/** Why a send failed, in words an admin can act on; never the server's own text. */
export function mailFailureReason(err: unknown): string {
  const code = (err as { code?: string })?.code ?? "";
  return REASONS[code] ?? "the mail server refused the message";
}

/**
 * Sends one email; resolves once the SMTP server accepted it. Throws AppError("CONFLICT") when
 * email is not configured and AppError("INTERNAL") with an actionable reason when sending failed.
 */
export async function sendMail(kind: MailKind, to: string, content: MailContent): Promise<void> {
  const t = transport();
  try {
    await t.sendMail({ to, subject: content.subject, text: content.text, html: content.html });
  } catch (err) {
    emailsSent().inc({ kind, outcome: "failed" });
    const e = err as { code?: string; responseCode?: number };
    logger().warn(
      { event: "mail.failed", kind, code: e?.code ?? "unknown", smtp_status: e?.responseCode },
      "could not send an email",
    );
    throw new AppError("INTERNAL", `The email was not sent: ${mailFailureReason(err)}.`);
  }
  emailsSent().inc({ kind, outcome: "sent" });
  logger().info({ event: "mail.sent", kind }, "email sent");
}
