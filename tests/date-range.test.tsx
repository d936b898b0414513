// One supported range for every date (lib/time/range.ts): the API, the forms and the page
// query strings refuse days outside it with a field message, the database refuses instants outside
// it (CHECK), and a stored value that cannot be formatted renders as a placeholder, never a 500.
// The pages are rendered for real (React's server renderer over the page components, real PGlite).
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { setupTestDb } from "./helpers/db";
import { renderPage, type PageComponent as Page } from "./helpers/render-page";
import { seedInstalledFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";
import * as entries from "@/app/api/v1/entries/route";
import * as entry from "@/app/api/v1/entries/[id]/route";
import * as week from "@/app/api/v1/week/route";
import * as summary from "@/app/api/v1/reports/summary/route";
import EntriesPage from "@/app/(app)/entries/page";
import ReportsPage from "@/app/(app)/reports/page";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

const t = setupTestDb();
let f: Fixture;
beforeAll(async () => {
  f = await seedInstalledFixture();
});

function req(method: string, url: string, body?: unknown) {
  const init = body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) };
  return new NextRequest(`http://localhost${url}`, {
    method,
    ...init,
    headers: { "content-type": "application/json" },
  });
}
async function call(p: Promise<Response>) {
  const res = await p;
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("defect 1: a day outside the supported range", () => {
  it("POST /api/v1/entries refuses 9999-12-31 23:30 + 1h with 400 on the date field; nothing is stored", async () => {
    await actAs(f.alice.id);
    const before = await db().timeEntry.count();
    const r = await call(
      entries.POST(
        req("POST", "/api/v1/entries", {
          projectId: f.project.id,
          date: "9999-12-31",
          startTime: "23:30",
          duration: "1h",
        }),
      ),
    );
    expect(r.status).toBe(400);
    expect(r.body.fieldErrors.date[0]).toMatch(/between 1970-01-01 and 2199-12-31/);
    for (const date of ["1969-12-31", "2200-01-01", "0000-01-01"]) {
      const x = await entries.POST(req("POST", "/api/v1/entries", { projectId: f.project.id, date, duration: "1h" }));
      expect(x.status).toBe(400);
    }
    // The edges themselves are accepted.
    for (const date of ["1970-01-01", "2199-12-31"]) {
      const x = await entries.POST(
        req("POST", "/api/v1/entries", { projectId: f.project.id, date, startTime: "23:30", duration: "24h" }),
      );
      expect(x.status).toBe(201);
    }
    expect(await db().timeEntry.count()).toBe(before + 2);
  });

  it("the database refuses an instant outside the range (CHECK), whatever writes it", async () => {
    const raw = t.current().conn.raw;
    const ins = (start: string, end: string | null) =>
      raw.query(
        `INSERT INTO time_entries (id, user_id, project_id, start, "end", updated_at)
         VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::timestamptz, $4::timestamptz, now())`,
        [f.alice.id, f.project.id, start, end],
      );
    await expect(ins("9999-12-31T23:30:00Z", "10000-01-01T00:30:00Z")).rejects.toThrow(/time_entries_in_range/);
    await expect(ins("1900-01-01T00:00:00Z", "1900-01-01T01:00:00Z")).rejects.toThrow(/time_entries_in_range/);
    await expect(ins("2026-01-01T00:00:00Z", "2300-01-01T00:00:00Z")).rejects.toThrow(/time_entries_in_range/);
    await expect(
      raw.query(`UPDATE tasks SET due_date = '9999-12-31' WHERE id = $1::uuid`, [f.task.id]),
    ).rejects.toThrow(/tasks_due_date_in_range/);
  });

  it("a stored value that cannot be formatted renders as a placeholder on /entries and /reports, for the user and for an admin", async () => {
    const raw = t.current().conn.raw;
    // A database from before the CHECK (or restored around it): lift it for this row only.
    await raw.exec(`ALTER TABLE time_entries DROP CONSTRAINT time_entries_in_range`);
    await raw.query(
      `INSERT INTO time_entries (id, user_id, project_id, start, "end", notes, updated_at)
       VALUES (gen_random_uuid(), $1::uuid, $2::uuid, '9999-12-31T23:30:00Z', '10000-01-01T00:30:00Z', 'far-future', now())`,
      [f.alice.id, f.project.id],
    );
    try {
      for (const who of [f.alice.id, f.admin.id]) {
        await actAs(who);
        const html = await renderPage(EntriesPage as Page, {});
        expect(html).toContain("far-future");
        // The row's end (year 10000: the driver gives an Invalid Date) and its duration are placeholders;
        // its start still shows (the list groups rows by day and edits them in place).
        const row = html.split('data-testid="entry-row"').find((x) => x.includes("far-future")) ?? "";
        expect(row).toMatch(/aria-label="Start time"[^>]*value="23:30"/);
        expect(row).toMatch(/aria-label="End time"[^>]*value="—"/);
        expect(row).toMatch(/aria-label="Duration"[^>]*value="—"/);
        expect(html).not.toMatch(/NaN/);
        expect(await renderPage(ReportsPage as Page, { type: "detailed" })).toContain("Reports");
      }
    } finally {
      await raw.exec(`DELETE FROM time_entries WHERE notes = 'far-future'`);
      await raw.exec(
        `ALTER TABLE time_entries ADD CONSTRAINT time_entries_in_range CHECK (start >= '1969-12-31 00:00:00+00' AND start < '2200-01-03 00:00:00+00' AND ("end" IS NULL OR ("end" >= '1969-12-31 00:00:00+00' AND "end" < '2200-01-03 00:00:00+00'))) NOT VALID`,
      );
    }
  });
});

describe("defect 2: inputs that answered 500 or a wrong 200", () => {
  it("API: a huge duration, far dates in week and summary, malformed PATCH JSON are 400 with field errors", async () => {
    await actAs(f.alice.id);
    const huge = await call(
      entries.POST(
        req("POST", "/api/v1/entries", { projectId: f.project.id, date: "2026-01-05", duration: "99999999999h" }),
      ),
    );
    expect(huge.status).toBe(400);
    expect(huge.body.fieldErrors.duration).toBeDefined();
    const w = await call(week.GET(req("GET", "/api/v1/week?date=9999-12-31")));
    expect(w.status).toBe(400);
    expect(w.body.fieldErrors.date).toBeDefined();
    const s = await call(summary.GET(req("GET", "/api/v1/reports/summary?to=9999-12-31&group1=month")));
    expect(s.status).toBe(400);
    expect(s.body.fieldErrors.to).toBeDefined();
    const before = await db().timeEntry.findUniqueOrThrow({ where: { id: f.entry.id } });
    for (const body of ["{not json", "", '{"notes": "x"'])
      expect(
        (
          await call(
            entry.PATCH(req("PATCH", `/api/v1/entries/${f.entry.id}`, body), {
              params: Promise.resolve({ id: f.entry.id }),
            }),
          )
        ).status,
      ).toBe(400);
    expect(await db().timeEntry.findUniqueOrThrow({ where: { id: f.entry.id } })).toEqual(before);
  });

  it.each([
    ["entries", { from: "0000-01-01" }, "from"],
    ["entries", { cursor: "garbage" }, "cursor"],
    [
      "entries",
      { cursor: Buffer.from("10000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000").toString("base64url") },
      "cursor",
    ],
    ["entries", { week: "2026-02-30" }, "week"],
    ["reports", { from: "garbage" }, "from"],
    ["reports", { from: "2026-02-30" }, "from"],
    ["reports", { to: "9999-12-31", group1: "month" }, "to"],
    ["reports", { type: "detailed", cursor: "garbage" }, "cursor"],
  ])("/%s?%j renders the page with a message on %s", async (page, sp, field) => {
    await actAs(f.alice.id);
    const html = await renderPage(
      (page === "entries" ? EntriesPage : ReportsPage) as Page,
      sp as Record<string, string>,
    );
    expect(html).not.toMatch(/could not reach its database/);
    expect(html).toMatch(new RegExp(`data-field-error="${field}"`));
  });
});

describe("upgrade: rows already outside the range", () => {
  it("the migration moves them to the range's edge (length kept, note says where they were) instead of failing", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { connect } = await import("@/lib/db/connection");
    const { migrate } = await import("@/lib/db/migrate");
    const { MIGRATIONS_DIR } = await import("./helpers/db");
    const MINE = "20261202010000_date_range";
    // The migrations as they were before this one.
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "tt-mig-"));
    for (const name of fs.readdirSync(MIGRATIONS_DIR)) {
      if (name >= MINE && name !== "migration_lock.toml") continue;
      fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    }
    const conn = connect({ kind: "pglite" });
    try {
      await migrate(conn.raw, before);
      await conn.raw.exec(`
        INSERT INTO users (id, username, email, password_hash, updated_at) VALUES ('11111111-1111-4111-8111-111111111111', 'u', 'u@example.com', 'x', now());
        INSERT INTO clients (id, name, updated_at) VALUES ('22222222-2222-4222-8222-222222222222', 'C', now());
        INSERT INTO projects (id, client_id, name, updated_at) VALUES ('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222', 'P', now());
        INSERT INTO time_entries (id, user_id, project_id, start, "end", notes, updated_at) VALUES
          ('44444444-4444-4444-8444-444444444441', '11111111-1111-4111-8111-111111111111', '33333333-3333-4333-8333-333333333333', '9999-12-31T23:30:00Z', '10000-01-01T00:30:00Z', 'far', now()),
          ('44444444-4444-4444-8444-444444444442', '11111111-1111-4111-8111-111111111111', '33333333-3333-4333-8333-333333333333', '1900-05-01T08:00:00Z', '1900-05-01T10:00:00Z', 'old', now()),
          ('44444444-4444-4444-8444-444444444443', '11111111-1111-4111-8111-111111111111', '33333333-3333-4333-8333-333333333333', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z', 'fine', now());
        INSERT INTO tasks (id, project_id, name, due_date, created_by_id, updated_at) VALUES ('55555555-5555-4555-8555-555555555555', '33333333-3333-4333-8333-333333333333', 'T', '9999-12-31', '11111111-1111-4111-8111-111111111111', now());
      `);
      await migrate(conn.raw, MIGRATIONS_DIR);
      const rows = await conn.raw.query<{ notes: string; start: string; end: string }>(
        `SELECT notes, to_char(start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS start,
                to_char("end" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS "end" FROM time_entries ORDER BY id`,
      );
      expect(rows).toEqual([
        {
          notes: "[moved by upgrade: was 9999-12-31 23:30 UTC] far",
          start: "2199-12-31 00:00",
          end: "2199-12-31 01:00",
        },
        {
          notes: "[moved by upgrade: was 1900-05-01 08:00 UTC] old",
          start: "1970-01-01 00:00",
          end: "1970-01-01 02:00",
        },
        { notes: "fine", start: "2026-01-05 09:00", end: "2026-01-05 10:00" },
      ]);
      const [task] = await conn.raw.query<{ d: string }>(`SELECT to_char(due_date, 'YYYY-MM-DD') AS d FROM tasks`);
      expect(task.d).toBe("2199-12-31");
    } finally {
      await conn.close();
    }
  });
});
