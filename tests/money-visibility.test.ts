// "Members see money" (organization setting, off by default): rates, amounts and budgets reach a
// member only when an admin turned it on; admins always see them. Checked where a member would meet
// money: the client and project services, project totals and budget alerts, the summary report, the
// CSV export's Amount column and the /api/v1 responses; a member's edit never changes money it cannot see.
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { systemActor, type Actor } from "@/lib/services/actor";
import { createApiToken } from "@/lib/services/api-tokens";
import { budgetAlerts, resetBudgetAlertCache } from "@/lib/services/budget-alerts";
import { createClient, getClient, listClients, updateClient } from "@/lib/services/clients";
import { createManualEntry } from "@/lib/services/entries";
import { exportEntriesCsv } from "@/lib/services/export";
import { ensureInstallation } from "@/lib/services/installation";
import { projectTotals } from "@/lib/services/project-stats";
import { createProject, getProject, listProjects, updateProject } from "@/lib/services/projects";
import { summaryReport } from "@/lib/services/reports";
import { canSeeMoney, getOrgSettings, updateOrgSettings } from "@/lib/services/settings";
import { API_SCOPES } from "@/lib/validation/api-tokens";
import { ZEntryFilters } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { seedFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";
import * as clientsRoute from "@/app/api/v1/clients/route";
import * as clientRoute from "@/app/api/v1/clients/[id]/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as projectRoute from "@/app/api/v1/projects/[id]/route";
import * as summaryRoute from "@/app/api/v1/reports/summary/route";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let defaultSetting: boolean;
let f: Fixture;
let member: Actor;
let admin: Actor;
let memberToken: string;
let adminToken: string;
let clientId: string;
let projectId: string;

const setMoney = (on: boolean) => updateOrgSettings(systemActor("test:money"), { membersSeeMoney: on });
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
async function csvAmounts(actor: Actor): Promise<string[]> {
  const text = await new Response(await exportEntriesCsv(actor, ZEntryFilters.parse({ projectId }), "UTC")).text();
  const [header, ...rows] = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  const col = header.split(",").indexOf("Amount");
  expect(col).toBeGreaterThan(0);
  return rows.map((r) => r.split(",")[col]);
}

beforeAll(async () => {
  // A fresh organization: read before any fixture changes it.
  defaultSetting = (await getOrgSettings()).membersSeeMoney;
  await ensureInstallation();
  await db().installation.update({ where: { id: 1 }, data: { setupCompletedAt: new Date() } });
  f = await seedFixture();
  member = f.alice;
  admin = f.admin;
  const all = API_SCOPES.filter((s) => s !== "admin");
  memberToken = (await createApiToken(member, { name: "m", scopes: all })).secret;
  adminToken = (await createApiToken(admin, { name: "a", scopes: [...API_SCOPES] })).secret;
  await actAs(null);
  // 120.00/h on the client, 150.00/h and a 100.00 budget on the project; 1 h billable = 150.00,
  // 150 % of the budget (alert at 80 %). No estimate, so hours alone raise no alert.
  clientId = (await createClient(admin, { name: "Money Ltd", defaultHourlyRateCents: 120 })).id;
  projectId = (
    await createProject(admin, {
      clientId,
      name: "Paid work",
      billable: true,
      hourlyRateCents: 150,
      budgetCents: 100,
      budgetAlertPercent: 80,
    })
  ).id;
  await createManualEntry(member, { projectId, date: "2026-04-06", duration: "1h", notes: "paid" });
});

beforeEach(() => resetBudgetAlertCache());

it("is off by default: a new organization keeps money from members", () => {
  expect(defaultSetting).toBe(false);
});

describe("a member without the setting", () => {
  beforeAll(() => setMoney(false));

  it("gets rates, budgets and amounts as null from the services", async () => {
    expect(await canSeeMoney(member)).toBe(false);
    expect((await getClient(member, clientId)).defaultHourlyRateCents).toBeNull();
    expect((await listClients(member)).find((c) => c.id === clientId)?.defaultHourlyRateCents).toBeNull();
    const p = await getProject(member, projectId);
    expect(p).toMatchObject({ hourlyRateCents: null, effectiveRateCents: null, budgetCents: null });
    expect((await listProjects(member)).find((x) => x.id === projectId)?.budgetCents).toBeNull();
    const [t] = await projectTotals(member, [projectId]);
    expect(t).toMatchObject({ seconds: 3600, amountCents: null, budgetCents: null, consumedPercent: null });
    const r = await summaryReport(member, { from: "2026-04-06", to: "2026-04-06", group1: "project" }, "UTC");
    expect(r.totals).toEqual({ seconds: 3600, billableSeconds: 3600, amountCents: null });
    expect(r.rows.map((row) => row.amountCents)).toEqual([null]);
    expect(await csvAmounts(member)).toEqual([""]);
  });

  it("gets no budget alert, even after an admin's view filled the shared cache", async () => {
    expect((await budgetAlerts(admin, await listProjects(admin))).map((a) => a.projectId)).toContain(projectId);
    expect((await budgetAlerts(member, await listProjects(member))).map((a) => a.projectId)).not.toContain(projectId);
  });

  it("gets null money from /api/v1 clients, projects and the summary report", async () => {
    const c = await call(clientRoute.GET(req("GET", `/api/v1/clients/${clientId}`, memberToken), ctx(clientId)));
    expect(c.status).toBe(200);
    expect(c.body.data.defaultHourlyRate).toBeNull();
    const cs = await call(clientsRoute.GET(req("GET", "/api/v1/clients", memberToken)));
    expect(cs.body.data.find((x: Json) => x.id === clientId).defaultHourlyRate).toBeNull();
    const p = await call(projectRoute.GET(req("GET", `/api/v1/projects/${projectId}`, memberToken), ctx(projectId)));
    expect(p.body.data).toMatchObject({ hourlyRate: null, effectiveHourlyRate: null, budget: null });
    const ps = await call(projectsRoute.GET(req("GET", "/api/v1/projects", memberToken)));
    expect(ps.body.data.find((x: Json) => x.id === projectId).budget).toBeNull();
    const q = "/api/v1/reports/summary?from=2026-04-06&to=2026-04-06&group1=project";
    const s = await call(summaryRoute.GET(req("GET", q, memberToken)));
    expect(s.status).toBe(200);
    expect(s.body.totals).toMatchObject({ seconds: 3600, amountCents: null });
  });

  it("cannot change money it cannot see: edits through the service and the API leave it as it was", async () => {
    await updateProject(member, {
      id: projectId,
      clientId,
      name: "Paid work",
      billable: true,
      hourlyRateCents: 1,
      budgetCents: 1,
      budgetAlertPercent: 80,
    });
    await updateClient(member, { id: clientId, name: "Money Ltd", defaultHourlyRateCents: 1 });
    const patch = await call(
      projectRoute.PATCH(
        req("PATCH", `/api/v1/projects/${projectId}`, memberToken, { hourlyRate: "2.00", description: "edited" }),
        ctx(projectId),
      ),
    );
    expect(patch.status).toBe(200);
    expect(patch.body.data).toMatchObject({ description: "edited", hourlyRate: null });
    expect(await getProject(admin, projectId)).toMatchObject({ hourlyRateCents: 15000, budgetCents: 10000 });
    expect((await getClient(admin, clientId)).defaultHourlyRateCents).toBe(12000);
  });
});

describe("an admin", () => {
  beforeAll(() => setMoney(false));

  it("always sees money, with the setting off", async () => {
    expect(await canSeeMoney(admin)).toBe(true);
    expect(await getProject(admin, projectId)).toMatchObject({ hourlyRateCents: 15000, budgetCents: 10000 });
    const r = await summaryReport(admin, { from: "2026-04-06", to: "2026-04-06", group1: "project" }, "UTC");
    expect(r.totals.amountCents).toBe(15000);
    expect(await csvAmounts(admin)).toEqual(["150.00"]);
    const p = await call(projectRoute.GET(req("GET", `/api/v1/projects/${projectId}`, adminToken), ctx(projectId)));
    expect(p.body.data).toMatchObject({ hourlyRate: "150.00", effectiveHourlyRate: "150.00", budget: "100.00" });
  });
});

describe("a member with the setting on", () => {
  beforeAll(() => setMoney(true));

  it("sees the same rates, budgets and amounts as an admin", async () => {
    expect(await canSeeMoney(member)).toBe(true);
    expect((await getClient(member, clientId)).defaultHourlyRateCents).toBe(12000);
    expect(await getProject(member, projectId)).toMatchObject({ hourlyRateCents: 15000, budgetCents: 10000 });
    const [t] = await projectTotals(member, [projectId]);
    expect(t).toMatchObject({ amountCents: 15000, budgetCents: 10000, consumedPercent: 150, alert: true });
    const r = await summaryReport(member, { from: "2026-04-06", to: "2026-04-06", group1: "project" }, "UTC");
    expect(r.totals.amountCents).toBe(15000);
    expect(await csvAmounts(member)).toEqual(["150.00"]);
    expect((await budgetAlerts(member, await listProjects(member))).map((a) => a.projectId)).toContain(projectId);
    const q = "/api/v1/reports/summary?from=2026-04-06&to=2026-04-06&group1=project";
    const s = await call(summaryRoute.GET(req("GET", q, memberToken)));
    expect(s.body.totals.amountCents).toBe(15000);
    const c = await call(clientRoute.GET(req("GET", `/api/v1/clients/${clientId}`, memberToken), ctx(clientId)));
    expect(c.body.data.defaultHourlyRate).toBe("120.00");
  });
});
