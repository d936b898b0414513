import { checkOrigin } from "./origin";

function req(method: string, headers: Record<string, string>): Request {
  return new Request("http://app.example:3000/api/v1/entries", { method, headers });
}

describe("checkOrigin", () => {
  test("a same-origin browser POST passes", () => {
    expect(checkOrigin(req("POST", { host: "app.example:3000", origin: "http://app.example:3000" }))).toEqual({
      ok: true,
    });
  });

  test("a cross-site POST is refused, whatever the method", () => {
    for (const m of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(checkOrigin(req(m, { host: "app.example:3000", origin: "https://evil.example" }))).toEqual({
        ok: false,
        reason: "cross-site",
      });
    }
  });

  test("a different port is a different origin", () => {
    expect(checkOrigin(req("POST", { host: "app.example:3000", origin: "http://app.example:4000" })).ok).toBe(false);
  });

  test("Origin: null (sandboxed frame, data: URL) is refused", () => {
    expect(checkOrigin(req("POST", { host: "app.example:3000", origin: "null" }))).toEqual({
      ok: false,
      reason: "bad-origin",
    });
  });

  test("behind a proxy the forwarded host and NEXTAUTH_URL count as ours", () => {
    const r = req("POST", {
      host: "127.0.0.1:3000",
      "x-forwarded-host": "track.example.org",
      origin: "https://track.example.org",
    });
    expect(checkOrigin(r).ok).toBe(true);
    const r2 = req("POST", { host: "127.0.0.1:3000", origin: "https://public.example.org" });
    expect(checkOrigin(r2, "https://public.example.org").ok).toBe(true);
    expect(checkOrigin(r2).ok).toBe(false);
  });

  test("without Origin, Sec-Fetch-Site decides; without either, a non-browser client passes", () => {
    expect(checkOrigin(req("POST", { host: "app.example:3000", "sec-fetch-site": "cross-site" })).ok).toBe(false);
    expect(checkOrigin(req("POST", { host: "app.example:3000", "sec-fetch-site": "same-origin" })).ok).toBe(true);
    expect(checkOrigin(req("POST", { host: "app.example:3000" })).ok).toBe(true);
  });

  test("safe methods are never refused", () => {
    expect(checkOrigin(req("GET", { host: "app.example:3000", origin: "https://evil.example" })).ok).toBe(true);
  });
});
