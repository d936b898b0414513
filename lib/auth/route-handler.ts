// Serves next-auth's endpoints with OUR idea of the public origin. next-auth 4's App Router handler
// reads the raw request headers itself (next/headers), and without NEXTAUTH_URL it falls back to
// "http://localhost:3000" for every URL it builds (sign-out went there whatever host the user was on).
// So we call its plain-object handler with headers that carry publicOrigin(), and collect the answer.
import "server-only";
import NextAuth from "next-auth";
import { env, letNextAuthUseRequestOrigin } from "@/lib/env";
import { publicOrigin } from "@/lib/security/public-origin";
import { authOptions } from "./options";

letNextAuthUseRequestOrigin();

async function readBody(req: Request): Promise<Record<string, unknown> | undefined> {
  if (req.method !== "POST") return undefined;
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) return (await req.json()) as Record<string, unknown>;
    if (type.includes("application/x-www-form-urlencoded"))
      return Object.fromEntries(new URLSearchParams(await req.text()));
  } catch {
    return undefined;
  }
  return undefined;
}

function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] ??= decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed value: ignore that cookie, as a browser-sent header would not carry it.
    }
  }
  return out;
}

/** A stand-in for Node's ServerResponse with the few methods next-auth's handler calls. */
class CollectedResponse {
  status_ = 200;
  headers = new Headers();
  cookies: string[] = [];
  body: BodyInit | null = null;
  status(code: number) {
    this.status_ = code;
    return this;
  }
  getHeader(name: string) {
    return name.toLowerCase() === "set-cookie" ? this.cookies : (this.headers.get(name) ?? undefined);
  }
  setHeader(name: string, value: string | string[]) {
    if (name.toLowerCase() === "set-cookie") this.cookies = Array.isArray(value) ? value : [value];
    else this.headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    return this;
  }
  json(data: unknown) {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(data);
  }
  send(data: unknown) {
    if (typeof data === "string") this.body = data;
    else if (data !== undefined) this.json(data);
  }
  end() {}
  toResponse(): Response {
    const headers = new Headers(this.headers);
    for (const c of this.cookies) headers.append("set-cookie", c);
    return new Response(this.body, { status: this.status_, headers });
  }
}

export async function handleAuthRequest(req: Request, segments: string[]): Promise<Response> {
  const origin = publicOrigin(req.headers, env().NEXTAUTH_URL, req.url);
  const o = new URL(origin);
  const headers: Record<string, string> = Object.fromEntries(req.headers);
  headers["x-forwarded-host"] = o.host;
  headers["x-forwarded-proto"] = o.protocol.replace(/:$/, "");
  const query: Record<string, unknown> = Object.fromEntries(new URL(req.url).searchParams);
  query.nextauth = segments;
  const fakeReq = {
    method: req.method,
    headers,
    query,
    body: await readBody(req),
    cookies: parseCookies(req.headers.get("cookie")),
  };
  const res = new CollectedResponse();
  await (NextAuth as unknown as (req: unknown, res: unknown, opts: unknown) => Promise<void>)(
    fakeReq,
    res,
    authOptions(origin, req.headers.get("user-agent") ?? undefined),
  );
  return res.toResponse();
}
