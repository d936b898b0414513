// The emails TimeTracker sends, each as plain text and HTML with the same words. Pure functions:
// the caller passes the link; every value that reaches the HTML is escaped.
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

interface Parts {
  subject: string;
  org: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}

function render({ subject, org, paragraphs, action, footer }: Parts): MailContent {
  const text = [
    ...paragraphs,
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    "--",
    `${footer}\n${org} · TimeTracker`,
  ].join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4ed8;color:#ffffff;` +
      `padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#475569">If the button does not work, copy this address into ` +
      `your browser:<br><span style="word-break:break-all">${escapeHtml(action.url)}</span></p>`
    : "";
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,sans-serif;` +
    `color:#0f172a;line-height:1.5"><div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;` +
    `border:1px solid #e2e8f0;border-radius:8px">` +
    `<h1 style="margin:0 0 16px;font-size:20px;color:#1d4ed8">${escapeHtml(subject)}</h1>` +
    paragraphs.map(p).join("") +
    button +
    `<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0">` +
    `<p style="margin:0;font-size:13px;color:#475569">${escapeHtml(footer)}<br>${escapeHtml(org)} · TimeTracker</p>` +
    `</div></body></html>`;
  return { subject, text, html };
}

export function testMail(org: string): MailContent {
  return render({
    subject: "TimeTracker test email",
    org,
    paragraphs: ["This is a test email from TimeTracker.", "Email works: password resets and invitations can be sent."],
    footer: "An administrator sent this from the admin email page.",
  });
}

export function passwordResetMail(p: { org: string; url: string; minutes: number }): MailContent {
  return render({
    subject: "Reset your TimeTracker password",
    org: p.org,
    paragraphs: [
      "Someone asked to reset the password of your TimeTracker account.",
      `The link below works once, for ${p.minutes} minutes. Setting a new password signs you out everywhere.`,
    ],
    action: { label: "Choose a new password", url: p.url },
    footer: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
}

export function invitationMail(p: { org: string; url: string; days: number; role: "admin" | "user" }): MailContent {
  return render({
    subject: `You are invited to ${p.org} on TimeTracker`,
    org: p.org,
    paragraphs: [
      `You are invited to track time with ${p.org}${p.role === "admin" ? ", as an administrator" : ""}.`,
      `The link below works once, for ${p.days} ${p.days === 1 ? "day" : "days"}: choose your username and password there.`,
    ],
    action: { label: "Accept the invitation", url: p.url },
    footer: "If you did not expect this, ignore this email.",
  });
}

export function webhookDisabledMail(p: {
  org: string;
  endpoint: string;
  failures: number;
  lastError: string;
  url: string | null;
}): MailContent {
  return render({
    subject: "A webhook endpoint was turned off",
    org: p.org,
    paragraphs: [
      `TimeTracker turned off the webhook endpoint ${p.endpoint} after ${p.failures} failed deliveries in a row (the last: ${p.lastError}).`,
      "Deliveries already queued wait and are retried once you turn it back on; events that happen while it is off are not sent to it. Check the receiving service, then turn the endpoint on again on the webhooks page, where the delivery log shows each attempt.",
    ],
    ...(p.url ? { action: { label: "Open the webhooks page", url: p.url } } : {}),
    footer: "You get this email because you own this endpoint or administer TimeTracker.",
  });
}
