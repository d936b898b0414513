// The REST API's resources through their route handlers with bearer tokens, against a real
// database: entry lists with ID-array filters, an instant range and keyset cursors that neither
// skip nor repeat rows; the catalog (clients, projects, tasks, tags) with decimal-string money that
// round-trips, PATCH of only the fields sent, unknown fields refused; timer switch; detailed report.
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/services/api-tokens";
import { createClient } from "@/lib/services/clients";
import { createManualEntry } from "@/lib/services/entries";
import { setDraftExchangeRate } from "@/lib/services/invoice-exchange";
import { updateClientBilling } from "@/lib/services/invoice-settings";
import { createInvoiceDraft } from "@/lib/services/invoices";
import { API_SCOPES } from "@/lib/validation/api-tokens";
import { setupTestDb } from "./helpers/db";
import { seedInstalledFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";
import * as entries from "@/app/api/v1/entries/route";
import * as entry from "@/app/api/v1/entries/[id]/route";
import * as detailed from "@/app/api/v1/reports/detailed/route";
import * as clients from "@/app/api/v1/clients/route";
import * as client from "@/app/api/v1/clients/[id]/route";
import * as projects from "@/app/api/v1/projects/route";
import * as project from "@/app/api/v1/projects/[id]/route";
import * as tasks from "@/app/api/v1/tasks/route";
import * as task from "@/app/api/v1/tasks/[id]/route";
import * as tags from "@/app/api/v1/tags/route";
import * as tag from "@/app/api/v1/tags/[id]/route";
import * as sw from "@/app/api/v1/timer/switch/route";
import * as expenses from "@/app/api/v1/expenses/route";
import * as expense from "@/app/api/v1/expenses/[id]/route";
import * as invoices from "@/app/api/v1/invoices/route";
import * as invoice from "@/app/api/v1/invoices/[id]/route";
import * as payments from "@/app/api/v1/invoices/[id]/payments/route";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();
let f: Fixture;
let alice: string; // every scope but admin
let bob: string;
let admin: string;
beforeAll(async () => {
  f = await seedInstalledFixture();
  const all = API_SCOPES.filter((s) => s !== "admin");
  alice = (await createApiToken(f.alice, { name: "a", scopes: all })).secret;
  bob = (await createApiToken(f.bob, { name: "b", scopes: all })).secret;
  admin = (await createApiToken(f.admin, { name: "c", scopes: [...API_SCOPES] })).secret;
  await actAs(null);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
function req(method: string, url: string, token: string, body?: unknown) {
  return new NextRequest(`http://localhost${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
async function call(p: Promise<Response>): Promise<{ status: number; body: Json }> {
  const res = await p;
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

describe("time entries", () => {
  it("pages newest first with a cursor that neither skips nor repeats, even when entries are added meanwhile", async () => {
    for (let d = 10; d < 17; d++)
      await createManualEntry(f.alice, {
        projectId: f.project.id,
        date: `2026-02-${d}`,
        duration: "1h",
        notes: "page",
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/v1/entries?limit=3&from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z${cursor ? `&cursor=${cursor}` : ""}`;
      const r = await call(entries.GET(req("GET", q, alice)));
      expect(r.status).toBe(200);
      seen.push(...r.body.data.map((e: Json) => e.id));
      cursor = r.body.nextCursor;
      // A new, newer entry after the first page must not shift the following pages.
      if (pages++ === 0)
        await createManualEntry(f.alice, { projectId: f.project.id, date: "2026-02-20", duration: "1h" });
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const starts = await db().timeEntry.findMany({ where: { id: { in: seen } }, select: { id: true, start: true } });
    const byId = new Map(starts.map((s) => [s.id, s.start.getTime()]));
    expect(seen.map((id) => byId.get(id)!)).toEqual([...seen.map((id) => byId.get(id)!)].sort((a, b) => b - a));
  });

  it("filters by ID arrays, billable and range; RFC 3339 UTC times and durations in seconds", async () => {
    const other = await createManualEntry(f.alice, {
      projectId: f.spareProject.id,
      date: "2026-03-02",
      startTime: "09:00",
      endTime: "10:30",
      billable: false,
    });
    const r = await call(entries.GET(req("GET", `/api/v1/entries?project_ids=${f.spareProject.id}`, alice)));
    expect(r.body.data.map((e: Json) => e.id)).toEqual([other.id]);
    expect(r.body.data[0]).toMatchObject({ durationSeconds: 5400, billable: false });
    expect(r.body.data[0].start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const both = await call(entries.GET(req("GET", `/api/v1/entries?ids=${other.id},${f.entry.id}`, alice)));
    expect(both.body.data.map((e: Json) => e.id).sort()).toEqual([other.id, f.entry.id].sort());
    const rep = await call(
      entries.GET(req("GET", `/api/v1/entries?ids=${other.id}&ids=${f.entry.id}&billable=false`, alice)),
    );
    expect(rep.body.data.map((e: Json) => e.id)).toEqual([other.id]);
    const none = await call(entries.GET(req("GET", "/api/v1/entries?from=2030-01-01T00:00:00Z", alice)));
    expect(none.body).toEqual({ data: [], nextCursor: null });
    for (const bad of [
      "limit=0",
      "limit=501",
      "from=yesterday",
      "ids=nope",
      "cursor=garbage",
      "billable=maybe",
      "planet=1",
    ]) {
      const b = await call(entries.GET(req("GET", `/api/v1/entries?${bad}`, alice)));
      expect({ bad, status: b.status }).toEqual({ bad, status: 400 });
    }
  });

  it("keeps members to their own entries; admins filter by user_ids", async () => {
    const mine = await call(entries.GET(req("GET", "/api/v1/entries?limit=500", bob)));
    expect(mine.body.data.filter((e: Json) => e.userId !== f.bob.id)).toEqual([]);
    expect((await entries.GET(req("GET", `/api/v1/entries?user_ids=${f.alice.id}`, bob))).status).toBe(403);
    const adm = await call(entries.GET(req("GET", `/api/v1/entries?user_ids=${f.alice.id}&limit=500`, admin)));
    expect(adm.body.data.length).toBeGreaterThan(5);
    expect(adm.body.data.every((e: Json) => e.userId === f.alice.id)).toBe(true);
    const rep = await call(detailed.GET(req("GET", `/api/v1/reports/detailed?user_ids=${f.alice.id}&limit=1`, admin)));
    expect(rep.body.data).toHaveLength(1);
    expect(rep.body.nextCursor).toEqual(expect.any(String));
  });

  it("reads and deletes one entry; someone else's is 404", async () => {
    const e = await createManualEntry(f.alice, { projectId: f.project.id, date: "2026-03-03", duration: "15m" });
    expect((await call(entry.GET(req("GET", `/api/v1/entries/${e.id}`, alice), ctx(e.id)))).body.data.id).toBe(e.id);
    expect((await entry.GET(req("GET", `/api/v1/entries/${e.id}`, bob), ctx(e.id))).status).toBe(404);
    expect((await entry.DELETE(req("DELETE", `/api/v1/entries/${e.id}`, bob), ctx(e.id))).status).toBe(404);
    expect((await entry.DELETE(req("DELETE", `/api/v1/entries/${e.id}`, alice), ctx(e.id))).status).toBe(204);
    expect(await db().timeEntry.count({ where: { id: e.id } })).toBe(0);
  });
});

describe("catalog", () => {
  it("clients: money as decimal strings that round-trip; PATCH changes only what is sent; archive", async () => {
    const made = await call(
      clients.POST(req("POST", "/api/v1/clients", alice, { name: `Globex${f.s}`, defaultHourlyRate: "85.50" })),
    );
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ defaultHourlyRate: "85.50", archived: false });
    const id = made.body.data.id;
    const patched = await call(
      client.PATCH(req("PATCH", `/api/v1/clients/${id}`, alice, { contact: "Hank" }), ctx(id)),
    );
    expect(patched.body.data).toMatchObject({ name: `Globex${f.s}`, contact: "Hank", defaultHourlyRate: "85.50" });
    const archived = await call(
      client.PATCH(req("PATCH", `/api/v1/clients/${id}`, alice, { archived: true }), ctx(id)),
    );
    expect(archived.body.data.archived).toBe(true);
    const active = await call(clients.GET(req("GET", "/api/v1/clients?limit=500", alice)));
    expect(active.body.data.map((c: Json) => c.id)).not.toContain(id);
    const arch = await call(clients.GET(req("GET", "/api/v1/clients?archived=true", alice)));
    expect(arch.body.data.map((c: Json) => c.id)).toContain(id);
    const bad = await call(client.PATCH(req("PATCH", `/api/v1/clients/${id}`, alice, { projectCount: 9 }), ctx(id)));
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toHaveProperty("projectCount");
    const dup = await call(clients.POST(req("POST", "/api/v1/clients", alice, { name: `Globex${f.s}` })));
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].pointer).toBe("#/name");
  });

  it("catalog lists page by a stable id cursor and filter by ids", async () => {
    for (let i = 0; i < 4; i++) await call(tags.POST(req("POST", "/api/v1/tags", alice, { name: `pg${f.s}-${i}` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: Json } = await call(
        tags.GET(req("GET", `/api/v1/tags?limit=2${cursor ? `&cursor=${cursor}` : ""}`, alice)),
      );
      seen.push(...r.body.data.map((t: Json) => t.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db().tag.count());
    const one = await call(tags.GET(req("GET", `/api/v1/tags?ids=${seen[0]}`, alice)));
    expect(one.body.data.map((t: Json) => t.id)).toEqual([seen[0]]);
  });

  it("projects and tasks: create, read, patch (hours, money), delete by the rules", async () => {
    const p = await call(
      projects.POST(
        req("POST", "/api/v1/projects", alice, {
          clientId: f.client.id,
          name: `Api${f.s}`,
          hourlyRate: "120",
          estimatedHours: 1.5,
        }),
      ),
    );
    expect(p.status).toBe(201);
    expect(p.body.data).toMatchObject({ hourlyRate: "120.00", estimatedHours: 1.5, clientId: f.client.id });
    const pid = p.body.data.id;
    const pp = await call(
      project.PATCH(req("PATCH", `/api/v1/projects/${pid}`, alice, { color: "#ff0000" }), ctx(pid)),
    );
    expect(pp.body.data).toMatchObject({ color: "#ff0000", hourlyRate: "120.00", estimatedHours: 1.5 });
    const filtered = await call(projects.GET(req("GET", `/api/v1/projects?client_ids=${f.spareClient.id}`, alice)));
    expect(filtered.body.data).toEqual([]);
    const t = await call(
      tasks.POST(req("POST", "/api/v1/tasks", bob, { projectId: pid, name: "Spec", dueDate: "2026-04-01" })),
    );
    expect(t.body.data).toMatchObject({ status: "todo", dueDate: "2026-04-01", createdById: f.bob.id });
    const tid = t.body.data.id;
    const tp = await call(task.PATCH(req("PATCH", `/api/v1/tasks/${tid}`, alice, { status: "done" }), ctx(tid)));
    expect(tp.body.data).toMatchObject({ status: "done", name: "Spec", dueDate: "2026-04-01" });
    expect(tp.body.data.completedAt).toMatch(/Z$/);
    const listed = await call(tasks.GET(req("GET", `/api/v1/tasks?project_ids=${pid}`, alice)));
    expect(listed.body.data.map((x: Json) => x.id)).toEqual([tid]);
    expect((await task.DELETE(req("DELETE", `/api/v1/tasks/${tid}`, alice), ctx(tid))).status).toBe(403);
    expect((await task.DELETE(req("DELETE", `/api/v1/tasks/${tid}`, bob), ctx(tid))).status).toBe(204);
    expect((await project.DELETE(req("DELETE", `/api/v1/projects/${pid}`, alice), ctx(pid))).status).toBe(403);
    expect((await project.DELETE(req("DELETE", `/api/v1/projects/${pid}`, admin), ctx(pid))).status).toBe(204);
    expect((await project.GET(req("GET", `/api/v1/projects/${pid}`, alice), ctx(pid))).status).toBe(404);
  });

  it("tags: rename, and only admins delete", async () => {
    const t = await call(tags.POST(req("POST", "/api/v1/tags", alice, { name: `urgent${f.s}` })));
    const id = t.body.data.id;
    expect(
      (await call(tag.PATCH(req("PATCH", `/api/v1/tags/${id}`, alice, { name: `later${f.s}` }), ctx(id)))).body.data
        .name,
    ).toBe(`later${f.s}`);
    expect((await tag.DELETE(req("DELETE", `/api/v1/tags/${id}`, alice), ctx(id))).status).toBe(403);
    expect((await tag.DELETE(req("DELETE", `/api/v1/tags/${id}`, admin), ctx(id))).status).toBe(204);
    expect((await tag.GET(req("GET", `/api/v1/tags/${id}`, admin), ctx(id))).status).toBe(404);
  });
});

describe("timer switch", () => {
  it("stops the running timer and starts the new one", async () => {
    const a = await call(sw.POST(req("POST", "/api/v1/timer/switch", bob, { projectId: f.project.id, notes: "one" })));
    expect(a.status).toBe(201);
    expect(a.body.started).toMatchObject({ end: null, notes: "one" });
    const b = await call(sw.POST(req("POST", "/api/v1/timer/switch", bob, { projectId: f.spareProject.id })));
    expect(b.body.stopped.id).toBe(a.body.started.id);
    expect(b.body.stopped.end).not.toBeNull();
    expect(await db().timeEntry.count({ where: { userId: f.bob.id, end: null } })).toBe(1);
  });
});

describe("invoices", () => {
  it("lists and reads invoices with amounts as decimal strings that match the database, for admins only", async () => {
    const list = await call(invoices.GET(req("GET", "/api/v1/invoices?status=issued", admin)));
    expect(list.status).toBe(200);
    const row = list.body.data.find((i: Json) => i.id === f.issued.id);
    const stored = await db().invoice.findUniqueOrThrow({ where: { id: f.issued.id } });
    expect(row).toMatchObject({
      number: stored.number,
      status: "issued",
      currency: stored.currency,
      total: (stored.totalMinor / 100).toFixed(2),
      outstanding: ((stored.totalMinor - stored.paidMinor) / 100).toFixed(2),
    });
    expect(list.body.data.every((i: Json) => i.status === "issued")).toBe(true);

    const one = await call(invoice.GET(req("GET", `/api/v1/invoices/${f.issued.id}`, admin), ctx(f.issued.id)));
    expect(one.status).toBe(200);
    expect(one.body.data.lines).toEqual([expect.objectContaining({ kind: "manual", description: "Item" })]);

    // A member's token may carry the scope, but a member does not see invoices.
    const refused = await call(invoices.GET(req("GET", "/api/v1/invoices", alice)));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 403 });
    const bad = await call(invoices.GET(req("GET", "/api/v1/invoices?status=lost&from=yesterday", admin)));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fieldErrors ?? {}).sort()).toEqual(["from", "status"]);
  });

  it("gives the draft's manual exchange rate and the total in the home currency, as the invoice page does", async () => {
    // Home currency EUR (the organization's); a client billed in USD, a draft of $1,000.00 net.
    const us = await createClient(f.admin, { name: `US${f.s}` });
    await updateClientBilling(f.admin, { id: us.id, currency: "USD", taxId: "" });
    const draft = await createInvoiceDraft(f.admin, {
      clientId: us.id,
      includeTime: false,
      manualLines: [{ description: "Consulting", unitPrice: "1000" }],
    });
    const read = async (id: string) =>
      (await call(invoice.GET(req("GET", `/api/v1/invoices/${id}`, admin), ctx(id)))).body.data as Json;

    const noRate = await read(draft.id);
    expect(noRate).toMatchObject({ currency: "USD", exchangeRate: null, homeTotal: null });

    await setDraftExchangeRate(f.admin, { id: draft.id, exchangeRate: "0.92" });
    const { totalMinor } = await db().invoice.findUniqueOrThrow({ where: { id: draft.id } });
    const withRate = await read(draft.id);
    expect(withRate.exchangeRate).toBe("0.92");
    // $1,000.00 (+ its tax, if any) at 0.92: exact in cents, so no rounding question.
    expect(withRate.homeTotal).toEqual({ amount: ((totalMinor * 92) / 10_000).toFixed(2), currency: "EUR" });
    expect(withRate.total).toBe((totalMinor / 100).toFixed(2));

    // The list carries the same two fields; an invoice in the home currency has no rate and its own total.
    const list = await call(invoices.GET(req("GET", "/api/v1/invoices", admin)));
    const listed = list.body.data.find((i: Json) => i.id === draft.id);
    expect(listed).toMatchObject({ exchangeRate: "0.92", homeTotal: withRate.homeTotal });
    const home = list.body.data.find((i: Json) => i.id === f.issued.id);
    expect(home).toMatchObject({ exchangeRate: null, homeTotal: { amount: home.total, currency: "EUR" } });
  });

  it("records payments: partly paid, then paid; an overpayment is refused and changes nothing", async () => {
    const { totalMinor, paidMinor } = await db().invoice.findUniqueOrThrow({ where: { id: f.issued.id } });
    const owed = totalMinor - paidMinor;
    const pay = (amount: string) =>
      call(
        payments.POST(
          req("POST", `/api/v1/invoices/${f.issued.id}/payments`, admin, { date: "2026-02-01", amount }),
          ctx(f.issued.id),
        ),
      );
    const first = await pay("1.00");
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ status: "partly_paid", outstanding: ((owed - 100) / 100).toFixed(2) });
    const over = await pay(((owed + 1) / 100).toFixed(2));
    expect(over.status).toBe(400);
    expect(over.body.fieldErrors).toEqual({ amount: ["That is more than the amount outstanding."] });
    const last = await pay(((owed - 100) / 100).toFixed(2));
    expect(last.status).toBe(201);
    expect(last.body.data).toMatchObject({ status: "paid", outstanding: "0.00" });
    expect(last.body.data.payments).toHaveLength(2);
    expect((await pay("0.01")).status).toBe(409); // paid: no more payments
    const asMember = await call(
      payments.POST(
        req("POST", `/api/v1/invoices/${f.issued.id}/payments`, alice, { date: "2026-02-01", amount: "1" }),
        ctx(f.issued.id),
      ),
    );
    expect(asMember.status).toBe(403);
  });
});

describe("expenses", () => {
  it("records, reads, changes and deletes one's own expenses with exact decimal amounts; others' look missing", async () => {
    const made = await call(
      expenses.POST(
        req("POST", "/api/v1/expenses", alice, {
          projectId: f.project.id,
          date: "2026-02-03",
          amount: "1234.5",
          category: "Travel",
        }),
      ),
    );
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ amount: "1234.50", category: "Travel", billable: true, invoiceId: null });
    const id = made.body.data.id as string;
    const stored = await db().expense.findUniqueOrThrow({ where: { id } });
    expect(stored.amountMinor).toBe(123450);

    const mine = await call(expenses.GET(req("GET", "/api/v1/expenses?from=2026-02-01&to=2026-02-28", alice)));
    expect(mine.body.data.map((e: Json) => e.id)).toContain(id);
    const bobs = await call(expenses.GET(req("GET", "/api/v1/expenses?from=2026-02-01&to=2026-02-28", bob)));
    expect(bobs.body.data.map((e: Json) => e.id)).not.toContain(id);
    expect((await call(expense.GET(req("GET", `/api/v1/expenses/${id}`, bob), ctx(id)))).status).toBe(404);

    const patched = await call(
      expense.PATCH(req("PATCH", `/api/v1/expenses/${id}`, alice, { billable: false, amount: "10" }), ctx(id)),
    );
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ amount: "10.00", billable: false, category: "Travel" });
    const unknown = await call(expense.PATCH(req("PATCH", `/api/v1/expenses/${id}`, alice, { color: "red" }), ctx(id)));
    expect(unknown.status).toBe(400);
    const negative = await call(
      expenses.POST(
        req("POST", "/api/v1/expenses", alice, { projectId: f.project.id, date: "2026-02-03", amount: "-5" }),
      ),
    );
    expect(negative.status).toBe(400);
    expect(negative.body.fieldErrors.amount).toBeDefined();

    expect((await call(expense.DELETE(req("DELETE", `/api/v1/expenses/${id}`, bob), ctx(id)))).status).toBe(404);
    expect((await call(expense.DELETE(req("DELETE", `/api/v1/expenses/${id}`, alice), ctx(id)))).status).toBe(204);
    expect(await db().expense.count({ where: { id } })).toBe(0);
  });
});
