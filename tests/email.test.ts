// Outgoing email through a real SMTP server on a local port: the admin's test email arrives as
// plain text and HTML, failures say why without the server's text, and logs never name the address.
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { emailsSent } from "@/lib/observability/metrics";
import { systemActor, type Actor } from "@/lib/services/actor";
import { getMailStatus, sendTestEmail } from "@/lib/services/email";
import { createUser } from "@/lib/services/users";
import { setupTestDb } from "./helpers/db";
import { setupLogFile } from "./helpers/log-file";
import { startFakeSmtp, type FakeSmtp } from "./helpers/smtp";

setupTestDb();
const logs = setupLogFile("tt-email-");
let smtp: FakeSmtp;
let admin: Actor;
let member: Actor;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  const sys = systemActor("test:email");
  const a = await createUser(sys, {
    username: "root",
    email: "root@example.com",
    password: "s3cret-password",
    role: "admin",
  });
  const m = await createUser(sys, { username: "mia", email: "mia@example.com", password: "s3cret-password" });
  admin = { id: a.id, role: a.role };
  member = { id: m.id, role: m.role };
});
afterAll(() => smtp.close());

function configure(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}
beforeEach(() => configure({ SMTP_URL: smtp.url, SMTP_FROM: "TimeTracker <time@example.org>" }));
afterEach(() => configure({ SMTP_URL: undefined, SMTP_FROM: undefined }));

const counted = async (outcome: string) =>
  (await emailsSent().get()).values.find((v) => v.labels.kind === "test" && v.labels.outcome === outcome)?.value ?? 0;

describe("the admin's test email", () => {
  it("arrives at the admin's own address with a text and an HTML part", async () => {
    const before = await counted("sent");
    const n = smtp.received.length + 1;
    await expect(sendTestEmail(admin)).resolves.toEqual({ sentTo: "root@example.com" });
    const mail = await smtp.waitFor(n);
    expect(mail.to).toEqual(["root@example.com"]);
    expect(mail.from).toBe("time@example.org");
    expect(mail.subject).toBe("TimeTracker test email");
    expect(mail.text).toContain("This is a test email from TimeTracker.");
    expect(mail.html).toContain("<h1");
    expect(mail.html).toContain("This is a test email from TimeTracker.");
    expect(await counted("sent")).toBe(before + 1);
  });

  it("is refused to members, and says so when email is not set up", async () => {
    await expect(sendTestEmail(member)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getMailStatus(member)).rejects.toMatchObject({ code: "FORBIDDEN" });
    configure({ SMTP_URL: undefined, SMTP_FROM: undefined });
    await expect(getMailStatus(admin)).resolves.toEqual({ configured: false, server: null, linksReady: false });
    const err = await sendTestEmail(admin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFLICT");
    expect((err as AppError).message).toMatch(/SMTP_URL/);
  });

  it("shows the server without its credentials", async () => {
    configure({ SMTP_URL: "smtps://mailer:hunter2-secret@mail.example.com", SMTP_FROM: "x@example.com" });
    const status = await getMailStatus(admin);
    expect(status).toEqual({ configured: true, server: "mail.example.com:465 (TLS)", linksReady: false });
    process.env.NEXTAUTH_URL = "https://time.example.com";
    resetEnvCache();
    expect((await getMailStatus(admin)).linksReady).toBe(true);
    delete process.env.NEXTAUTH_URL;
  });

  it("explains a refused recipient and an unreachable server without the address in the logs", async () => {
    const failedBefore = await counted("failed");
    smtp.refuseNextRecipient();
    await expect(sendTestEmail(admin)).rejects.toMatchObject({
      code: "INTERNAL",
      message: "The email was not sent: the mail server refused the sender or the recipient.",
    });
    // A port nothing listens on: the closed SMTP server of a fresh one.
    const gone = await startFakeSmtp();
    await gone.close();
    configure({ SMTP_URL: gone.url, SMTP_FROM: "x@example.org" });
    await expect(sendTestEmail(admin)).rejects.toMatchObject({
      message:
        "The email was not sent: the connection to the mail server failed (check the host and port in SMTP_URL).",
    });
    expect(await counted("failed")).toBe(failedBefore + 2);
    const lines = await logs.lines((ls) => ls.filter((l) => l.event === "mail.failed").length >= 2);
    const failed = lines.filter((l) => l.event === "mail.failed");
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ kind: "test", code: "EENVELOPE", smtp_status: 550 });
    expect(JSON.stringify(lines)).not.toMatch(/root@example\.com/);
  });
});
