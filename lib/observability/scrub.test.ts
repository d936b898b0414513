import { publicDsn, scrubSentryEvent, scrubString } from "./scrub";

describe("scrubbing for Sentry and PostHog", () => {
  test("removes emails, IP addresses and query strings from strings", () => {
    expect(scrubString("user ann@example.com failed")).toBe("user [email] failed");
    expect(scrubString("from 192.168.1.20 and ::1")).toContain("[ip]");
    expect(scrubString("GET https://t.example.com/reports?from=2026-01-01&user=ann")).toBe("GET /reports");
    expect(scrubString("GET /entries?q=secret-note")).toBe("GET /entries");
    expect(scrubString("version 10.78.0")).toBe("version 10.78.0");
  });

  test("keeps only the internal user id, drops cookies, authorization, bodies and query strings", () => {
    const ev = scrubSentryEvent({
      message: "crash for bob@example.com",
      user: { id: "u-1", email: "bob@example.com", ip_address: "10.0.0.1", username: "bob" },
      server_name: "alice-laptop",
      request: {
        url: "http://localhost/timer?note=private",
        query_string: "note=private",
        cookies: { "next-auth.session-token": "abc" },
        data: { password: "x" },
        headers: { cookie: "a=b", authorization: "Bearer t", "user-agent": "UA", "x-forwarded-for": "1.2.3.4" },
      },
      extra: { token: "t", nested: { apiKey: "k", ok: "see /x?y=1" } },
    });
    const text = JSON.stringify(ev);
    for (const bad of [
      "bob@example.com",
      "10.0.0.1",
      "alice-laptop",
      "private",
      "abc",
      "Bearer",
      "a=b",
      "1.2.3.4",
      '"t"',
      '"k"',
      '"bob"',
    ]) {
      expect(text).not.toContain(bad);
    }
    expect(ev.user).toEqual({ id: "u-1" });
    expect(ev.request?.url).toBe("/timer");
    expect(ev.request?.headers).toEqual({ "user-agent": "UA" });
    expect((ev.extra as { nested: { ok: string } }).nested.ok).toBe("see /x");
  });

  test("sends paths, never the installation's host name (request.url, X-Forwarded-Host, span data)", () => {
    const ev = scrubSentryEvent({
      request: {
        url: "https://time.acme-corp.example:8443/entries/42?x=1",
        headers: { host: "time.acme-corp.example", "x-forwarded-host": "time.acme-corp.example" },
      },
      contexts: {
        trace: {
          data: {
            "http.url": "https://time.acme-corp.example/timer",
            "url.full": "https://time.acme-corp.example/timer",
            "server.address": "time.acme-corp.example",
            "http.host": "time.acme-corp.example",
            "net.host.name": "time.acme-corp.example",
          },
        },
      },
    });
    expect(JSON.stringify(ev)).not.toContain("acme-corp");
    expect(ev.request?.url).toBe("/entries/42");
    expect(scrubString("fetch https://time.acme-corp.example failed")).toBe("fetch / failed");
  });

  test("a database error keeps its type and code, never its message", () => {
    const ev = scrubSentryEvent({
      exception: {
        values: [
          { type: "Error", value: "render failed" },
          {
            type: "PrismaClientKnownRequestError",
            value: 'Invalid `tx.timeEntry.create()` invocation: { notes: "my private note", userId: "u-9" }',
          },
          { type: "DatabaseError", value: 'invalid input syntax for type integer: "my private note"' },
        ],
      },
    });
    const text = JSON.stringify(ev);
    expect(text).not.toContain("private note");
    expect(text).not.toContain("u-9");
    expect(ev.exception?.values?.[0]?.value).toBe("render failed");
    expect(ev.exception?.values?.[1]?.value).toMatch(/message withheld.* on timeEntry\.create$/);
  });

  test("publicDsn drops a DSN's legacy secret part, keeps the public key", () => {
    expect(publicDsn("https://pubkey:dsnsecret@o1.ingest.sentry.io/42")).toBe("https://pubkey@o1.ingest.sentry.io/42");
    expect(publicDsn("http://pubkey@127.0.0.1:9000/1")).toBe("http://pubkey@127.0.0.1:9000/1");
    expect(publicDsn("not a url")).toBe("not a url");
  });
});
