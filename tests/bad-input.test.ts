// Bad input: property tests over every zod schema in lib/validation, and a fuzz pass over every
// server action, every /api/v1 route and every page query string with malformed input (wrong
// types, 1 MB strings, control characters, NaN and negative numbers, impossible and out-of-range
// dates, unknown fields, SQL/HTML/CSV injection, broken JSON). An action may accept or refuse, but
// never fail with INTERNAL; a route never answers 5xx; a page always renders; and nothing broken
// may reach the database.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { z } from "zod";
import { db } from "@/lib/db";
import { ensureInstallation } from "@/lib/services/installation";
import type { ActionResult } from "@/lib/errors";
import { setupTestDb } from "./helpers/db";
import { ACTIONS } from "./authz/matrix";
import { API_INPUTS, INPUTS, notForms, PAGE_QUERY_KEYS, seedFixture } from "./authz/inputs";
import { renderPage, type PageComponent } from "./helpers/render-page";
import { actAs, TEST_SECRET } from "./authz/session";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

const root = path.resolve(__dirname, "..");
const MB = "x".repeat(1 << 20);
export const NASTY: unknown[] = [
  "",
  " ",
  MB,
  "\u0000",
  "a\u0000b",
  "\u0001\u001f\u007f\u0085",
  "\u202eevil",
  "😀".repeat(500),
  "\uD800",
  "e\u0301\u200d",
  "-1",
  "-999999999999",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "0x1F",
  "1,5,7",
  "  12  ",
  "0000-00-00",
  "2026-02-30",
  "9999-12-31",
  "0000-01-01",
  "2200-01-01",
  "99999-01-01",
  "-001-01-01",
  "2026-13-01",
  "1969-12-31",
  "25:61",
  "24:00",
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "=cmd|'/C calc'!A0",
  "@SUM(1+1)",
  "+1+1",
  "-2+3",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "00000000-0000-0000-0000-000000000000",
  "../../etc/passwd",
  "%00",
  "1h ".repeat(2000),
];
// The fuzz over actions uses a representative subset (each call goes through the database).
const ACTION_NASTY_FULL: unknown[] = [
  "",
  MB,
  "a\u0000b",
  "\u0001\u001f\u007f",
  "😀".repeat(500),
  "\uD800",
  "-1",
  "NaN",
  "1e308",
  "2026-02-30",
  "9999-12-31",
  "0000-01-01",
  "99999-01-01",
  "-001-01-01",
  "99999999999h",
  "25:61",
  "'; DROP TABLE users; --",
  "<script>alert(1)</script>",
  "=cmd|'/C calc'!A0",
  "__proto__",
  "00000000-0000-0000-0000-000000000000",
  "1h ".repeat(2000),
];
// npm test runs a subset to stay fast; FUZZ_FULL=1 runs all of the above.
const ACTION_NASTY = process.env.FUZZ_FULL
  ? ACTION_NASTY_FULL
  : [
      "",
      MB,
      "a\u0000b",
      "\uD800",
      "-1",
      "NaN",
      "2026-02-30",
      "9999-12-31",
      "99999-01-01",
      "99999999999h",
      "'; DROP TABLE users; --",
      "=cmd|'/C calc'!A0",
      "__proto__",
      "00000000-0000-0000-0000-000000000000",
    ];
const WRONG_TYPES: unknown[] = [
  null,
  undefined,
  42,
  -1,
  Number.NaN,
  Infinity,
  true,
  [],
  {},
  ["a", "b"],
  { $gt: "" },
  new Date(Number.NaN),
];

// ---------------------------------------------------------------------------------------------
describe("zod schemas (property tests)", () => {
  const dir = path.join(root, "lib/validation");
  const schemas: [string, z.ZodType][] = [];
  beforeAll(async () => {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ts") && !n.includes(".test."))) {
      const mod = (await import(path.join(dir, f))) as Record<string, unknown>;
      for (const [k, v] of Object.entries(mod)) if (v instanceof z.ZodType) schemas.push([`${f}#${k}`, v]);
      for (const [k, v] of Object.entries(mod.STEP_SCHEMAS ?? {}))
        schemas.push([`${f}#STEP_SCHEMAS.${k}`, v as z.ZodType]);
    }
  });

  const anyInput = fc.oneof(
    fc.anything(),
    fc.constantFrom(...NASTY, ...WRONG_TYPES),
    fc.dictionary(fc.string(), fc.oneof(fc.constantFrom(...NASTY, ...WRONG_TYPES), fc.string({ unit: "binary" }))),
  );

  it("safeParse never throws, and no accepted value carries a 1 MB string", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(30);
    let runs = 0;
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(anyInput, (input) => {
          runs++;
          const r = schema.safeParse(input);
          if (r.success) expect(JSON.stringify(r.data ?? null).length).toBeLessThan(200_000);
        }),
        { numRuns: 200, seed: 42 },
      );
      void name;
    }
    // Every string-keyed object schema, with each field set to each nasty value.
    for (const [, schema] of schemas) {
      const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
      if (!shape) continue;
      for (const key of Object.keys(shape))
        for (const v of [...NASTY, ...WRONG_TYPES]) {
          runs++;
          const r = schema.safeParse({ [key]: v, unknownField: MB });
          if (r.success) expect(JSON.stringify(r.data).length).toBeLessThan(200_000);
        }
    }
    console.log(`bad-input: ${schemas.length} zod schemas, ${runs} inputs tried, 0 throws`);
  });
});

// ---------------------------------------------------------------------------------------------
describe("server actions (fuzz)", () => {
  setupTestDb();
  beforeAll(async () => {
    await ensureInstallation();
    await db().installation.update({ where: { id: 1 }, data: { setupCompletedAt: new Date() } });
  });

  /** Variants of an action's valid arguments: each field / argument replaced by each bad value. */
  function variants(args: unknown[]): unknown[][] {
    const out: unknown[][] = [];
    const bad = [...ACTION_NASTY, new File(["x"], "evil.csv")];
    args.forEach((arg, i) => {
      const at = (v: unknown) => out.push(args.map((a, j) => (j === i ? v : a)));
      if (arg instanceof FormData) {
        const keys = [...new Set([...arg.keys()]), "id", "unknownField", "userId", "role"];
        for (const k of keys)
          for (const v of bad) {
            const f = new FormData();
            for (const [kk, vv] of arg.entries()) if (kk !== k) f.append(kk, vv);
            f.append(k, v as string | Blob);
            at(f);
          }
        const dup = new FormData();
        for (const [k, v] of arg.entries()) {
          dup.append(k, v);
          dup.append(k, v);
        }
        at(dup);
        // The whole form replaced by something else a crafted client can send.
        for (const v of notForms(arg)) at(v);
      } else if (arg && typeof arg === "object") {
        for (const k of [...Object.keys(arg), "unknownField", "__proto__"])
          for (const v of [...ACTION_NASTY, ...WRONG_TYPES]) at({ ...(arg as object), [k]: v });
        for (const v of [...ACTION_NASTY, ...WRONG_TYPES]) at(v);
      } else if (typeof arg === "string") {
        for (const v of [...ACTION_NASTY, ...WRONG_TYPES]) at(v);
      }
    });
    return out;
  }

  const rows = ACTIONS.map((r) => r[0]);
  const totals = { calls: 0, ok: 0, refused: {} as Record<string, number> };

  it.each(rows)(
    "%s refuses or accepts bad input, never INTERNAL",
    async (key) => {
      const [prefix, name] = key.split("#");
      // app/<prefix>/actions.ts, or inside a route group: app/(app)/…, app/(auth)/….
      const file = ["", "(app)", "(auth)"]
        .map((group) => path.join(root, "app", group, prefix, "actions.ts"))
        .find((f) => fs.existsSync(f))!;
      const fn = ((await import(file)) as Record<string, (...a: unknown[]) => Promise<ActionResult<unknown>>>)[name];
      const f = await seedFixture();
      const asAdmin = prefix.startsWith("admin/");
      const internal: string[] = [];
      const attempt = async (args: unknown[]): Promise<string> => {
        try {
          const r = await fn(...args);
          return r.ok ? "ok" : r.error.code;
        } catch (err) {
          return String((err as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT") ? "ok" : `THROW ${err}`;
        }
      };
      // One session for the whole row, signed in again only when a call is refused for want of one (a
      // variant such as "sign out everywhere" ends it): every variant still runs signed in.
      const caller = asAdmin ? f.admin.id : f.alice.id;
      await actAs(caller);
      for (const args of variants(INPUTS[key](f))) {
        let code = await attempt(args);
        if (code === "UNAUTHENTICATED") {
          await actAs(caller);
          code = await attempt(args);
        }
        totals.calls++;
        if (code === "ok") totals.ok++;
        else totals.refused[code] = (totals.refused[code] ?? 0) + 1;
        if (code === "INTERNAL" || code.startsWith("THROW"))
          internal.push(
            `${code}: ${JSON.stringify(args, (_k, v) => (typeof v === "string" && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v instanceof FormData ? Object.fromEntries([...v.entries()].map(([a, b]) => [a, typeof b === "string" ? (b.length > 40 ? `…(${b.length})` : b) : "[Blob]"])) : v)).slice(0, 300)}`,
          );
      }
      expect(internal.slice(0, 8)).toEqual([]);
    },
    180_000,
  );

  afterAll(() => {
    console.log(
      `bad-input: ${rows.length} actions, ${totals.calls} malformed calls: ${totals.ok} accepted, refused ${JSON.stringify(totals.refused)}`,
    );
    console.log(`bad-input: /api/v1 routes, answers by status ${JSON.stringify(apiTotals)}`);
  });

  // -------------------------------------------------------------------------------------------
  const BROKEN_JSON = ["", "{", "{not json", '{"notes": "x"', "nul", "\u0000", "[", '{"a":1}}', MB];
  const apiTotals: Record<string, number> = {};

  it.each(API_INPUTS.map((c) => [`${c.method} /api/v1/${c.route}`, c] as const))(
    "%s answers bad bodies and query strings with 4xx JSON, never 5xx",
    async (_name, c) => {
      const mod = (await import(path.join(root, "app/api/v1", c.route, "route.ts"))) as Record<
        string,
        (req: Request, ctx: unknown) => Promise<Response>
      >;
      const f = await seedFixture();
      const ctx = { params: Promise.resolve({ id: f.entry.id }) };
      const requests: { url: string; body?: string }[] = [];
      const url = (q: Record<string, string>) => `http://localhost${c.path(f)}?${new URLSearchParams(q)}`;
      const body = c.body?.(f);
      if (body) {
        for (const k of [...Object.keys(body), "unknownField", "__proto__"])
          for (const v of [...ACTION_NASTY, ...WRONG_TYPES])
            requests.push({ url: url(c.query ?? {}), body: JSON.stringify({ ...body, [k]: v }) });
        for (const v of [...ACTION_NASTY, ...WRONG_TYPES]) requests.push({ url: url({}), body: JSON.stringify(v) });
        for (const b of BROKEN_JSON) requests.push({ url: url({}), body: b });
      }
      for (const k of [...Object.keys(c.query ?? {}), "unknownField"])
        for (const v of [...ACTION_NASTY, "9999-12-31", "0000-01-01", "month"].filter((x) => typeof x === "string"))
          requests.push({ url: url({ ...c.query, [k]: v as string }), body: body ? JSON.stringify(body) : undefined });
      const failures: string[] = [];
      const send = (r: { url: string; body?: string }) =>
        mod[c.method](
          new Request(r.url, { method: c.method, body: r.body, headers: { "content-type": "application/json" } }),
          ctx,
        );
      // As above: one session, signed in again only after a 401.
      await actAs(f.alice.id);
      for (const r of requests) {
        let res = await send(r);
        if (res.status === 401) {
          await actAs(f.alice.id);
          res = await send(r);
        }
        apiTotals[res.status] = (apiTotals[res.status] ?? 0) + 1;
        const json = (await res.json().catch(() => null)) as { code?: string } | null;
        const problem = res.headers.get("content-type") === "application/problem+json";
        if (res.status >= 500 || json === null || (res.status >= 400 && !(json.code && problem)))
          failures.push(`${res.status} ${r.url.slice(0, 120)} ${String(r.body).slice(0, 80)}`);
      }
      expect(failures.slice(0, 8)).toEqual([]);
    },
    180_000,
  );

  // -------------------------------------------------------------------------------------------
  // Each render runs the page's queries: npm test renders a subset, FUZZ_FULL=1 all of them.
  const PAGE_BAD_FULL: (string | string[])[] = [
    "",
    MB,
    "a\u0000b",
    "\uD800",
    "-1",
    "NaN",
    "2026-02-30",
    "9999-12-31",
    "0000-01-01",
    "garbage",
    "'; DROP TABLE users; --",
    "00000000-0000-0000-0000-000000000000",
    ["2026-01-01", "garbage"],
  ];
  const PAGE_BAD = process.env.FUZZ_FULL
    ? PAGE_BAD_FULL
    : [MB, "a\u0000b", "2026-02-30", "9999-12-31", "0000-01-01", "garbage", ["2026-01-01", "garbage"]];

  it.each(Object.keys(PAGE_QUERY_KEYS))(
    "/%s renders with every bad query parameter, as a user and as an admin",
    async (name) => {
      const page = ((await import(path.join(root, "app/(app)", name, "page.tsx"))) as { default: PageComponent })
        .default;
      const f = await seedFixture();
      const failures: string[] = [];
      let renders = 0;
      for (const k of [...PAGE_QUERY_KEYS[name], "unknownField"])
        for (const v of PAGE_BAD) {
          // Admins see every user's rows (and the user filter): both paths are rendered.
          await actAs(renders++ % 2 ? f.admin.id : f.alice.id);
          try {
            const html = await renderPage(page, { [k]: v });
            if (/could not reach its database/.test(html)) failures.push(`${k}=${String(v).slice(0, 30)}: error page`);
          } catch (err) {
            failures.push(`${k}=${String(v).slice(0, 30)}: ${String(err).slice(0, 120)}`);
          }
        }
      expect(failures.slice(0, 8)).toEqual([]);
      console.log(`bad-input: /${name} rendered ${renders} times with bad query strings, 0 failures`);
    },
    180_000,
  );

  it("left no broken row behind", async () => {
    const raw = db();
    const broken = await raw.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM time_entries
        WHERE ("end" IS NOT NULL AND ("end" <= start OR "end" - start > interval '24 hours'))
           OR start < '1969-12-31Z' OR start >= '2200-01-03Z' OR "end" >= '2200-01-03Z'`,
    );
    expect(broken[0].n).toBe(0);
    const cols = await raw.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') AND table_name <> '_prisma_migrations'`,
    );
    for (const c of cols) {
      const [{ n }] = await raw.$queryRawUnsafe<{ n: number }[]>(
        `SELECT coalesce(max(length("${c.column_name}")), 0)::int AS n FROM "${c.table_name}"`,
      );
      expect({ col: `${c.table_name}.${c.column_name}`, tooLong: n > 5000 }).toEqual({
        col: `${c.table_name}.${c.column_name}`,
        tooLong: false,
      });
    }
  });
});
