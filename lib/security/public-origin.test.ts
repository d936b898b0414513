import { publicOrigin, safeCallbackPath, sameOriginTarget } from "./public-origin";

const ORIGIN = "http://app.example:3000";

describe("safeCallbackPath (where the login page sends the browser)", () => {
  it.each([
    ["/entries?week=2", "/entries?week=2"],
    ["/reports#top", "/reports#top"],
    [`${ORIGIN}/timer`, "/timer"],
  ])("keeps our own target %s", (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  // What the probe used: a decoded "%5C" (backslash) or "%09" (tab) after the first slash. Browsers
  // read "\" as "/" and drop tabs, so both name another host although they start with one "/".
  it.each([
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "//evil.example/x",
    "/\\/evil.example",
    "https://evil.example/x",
    "javascript:alert(1)",
    "http://app.example:4000/x",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
    expect(sameOriginTarget(raw, ORIGIN)).toBeNull();
  });

  it("never returns a path a browser would read as another host", () => {
    expect(safeCallbackPath("/.//evil.example/x", ORIGIN)).toBe("/evil.example/x");
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/");
    expect(safeCallbackPath(["/a"], ORIGIN)).toBe("/");
  });
});

describe("publicOrigin", () => {
  it("is NEXTAUTH_URL when set, whatever the request says", () => {
    const h = new Headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "http" });
    expect(publicOrigin(h, "https://time.example.com/base", "http://10.0.0.5:3000/x")).toBe("https://time.example.com");
  });

  it("else the forwarded host and scheme (present only when a trusted proxy sent them)", () => {
    const h = new Headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "https", "x-forwarded-host": "t.example" });
    expect(publicOrigin(h, undefined, "http://10.0.0.5:3000/x")).toBe("https://t.example");
  });

  it("else the request's own Host and scheme, port included", () => {
    expect(publicOrigin(new Headers({ host: "127.0.0.1:4123" }), undefined, "http://127.0.0.1:4123/")).toBe(
      "http://127.0.0.1:4123",
    );
    expect(publicOrigin({ host: "[::1]:4123" }, undefined)).toBe("http://[::1]:4123");
  });

  it("ignores a Host header that is not a host", () => {
    expect(publicOrigin({ host: "evil.example/path@x" }, undefined, "http://127.0.0.1:3000/")).toBe(
      "http://127.0.0.1:3000",
    );
  });
});
