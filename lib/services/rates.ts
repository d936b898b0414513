// Hourly rates (admins): add and remove effective-dated rates per project member, project, member,
// client and organization; and the loader every amount goes through (RateTable in rate-table.ts).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseAmount } from "@/lib/money";
import { track } from "@/lib/observability/track";
import { ZById, type TById } from "@/lib/validation/common";
import { ZRate, ZRateScope, type RateLevel, type TRate, type TRateScope } from "@/lib/validation/rates";
import { actorUserId, assertAdmin, type Caller } from "./actor";
import { RateTable, type RateRow } from "./rate-table";
import { getOrgSettings } from "./settings";

export interface RateDto extends RateRow {
  id: string;
  level: RateLevel;
  projectName: string | null;
  clientName: string | null;
  userName: string | null;
  /** The currency the amount is read in: the client's for client and project levels, else the organization's. */
  currency: string;
}

const MAX_RATE = 100_000_000;

/** A DATE column as its day key ("YYYY-MM-DD"): Prisma returns it at UTC midnight. */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** The currency a client is billed in: its own, else the organization's. */
export async function clientCurrency(clientId: string): Promise<string> {
  const row = await db().client.findUnique({ where: { id: clientId }, select: { currency: true } });
  if (!row) throw new AppError("NOT_FOUND", "That client does not exist.");
  return row.currency ?? (await getOrgSettings()).currency;
}

/** Every rate with the project and client base rates: the resolver for invoices (small tables). */
export async function loadRateTable(): Promise<RateTable> {
  const [rows, projects, clients] = await Promise.all([
    // Newest first: of two rates starting the same day, the one added last wins (as in reports' SQL).
    db().rate.findMany({
      select: { clientId: true, projectId: true, userId: true, effectiveFrom: true, hourlyRate: true },
      orderBy: { createdAt: "desc" },
    }),
    db().project.findMany({ select: { id: true, clientId: true, hourlyRateCents: true } }),
    db().client.findMany({ select: { id: true, defaultHourlyRateCents: true } }),
  ]);
  return new RateTable(
    rows.map((r) => ({ ...r, effectiveFrom: dayOf(r.effectiveFrom) })),
    new Map(projects.map((p) => [p.id, { clientId: p.clientId, baseRate: p.hourlyRateCents }])),
    new Map(clients.map((c) => [c.id, c.defaultHourlyRateCents])),
  );
}

export async function listRates(actor: Caller, input: TRateScope = {}): Promise<RateDto[]> {
  assertAdmin(actor, "see rates");
  const scope = ZRateScope.parse(input);
  const org = await getOrgSettings();
  const rows = await db().rate.findMany({
    where: {
      ...(scope.projectId ? { projectId: scope.projectId } : {}),
      ...(scope.userId ? { userId: scope.userId } : {}),
      ...(scope.clientId ? { clientId: scope.clientId } : {}),
    },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      clientId: true,
      projectId: true,
      userId: true,
      effectiveFrom: true,
      hourlyRate: true,
      project: { select: { name: true, client: { select: { name: true, currency: true } } } },
      client: { select: { name: true, currency: true } },
      user: { select: { fullName: true, username: true } },
    },
  });
  return rows.map(({ project, client, user, ...r }) => ({
    ...r,
    effectiveFrom: dayOf(r.effectiveFrom),
    level: RateTable.levelOf(r),
    projectName: project?.name ?? null,
    clientName: client?.name ?? project?.client.name ?? null,
    userName: user ? user.fullName || user.username : null,
    currency: client?.currency ?? project?.client.currency ?? org.currency,
  }));
}

export async function createRate(actor: Caller, input: TRate): Promise<{ id: string }> {
  assertAdmin(actor, "manage rates");
  const r = ZRate.parse(input);
  const projectId = r.level === "project" || r.level === "project_member" ? r.projectId : null;
  const userId = r.level === "member" || r.level === "project_member" ? r.userId : null;
  const clientId = r.level === "client" ? r.clientId : null;
  let currency = (await getOrgSettings()).currency;
  if (projectId) {
    const p = await db().project.findUnique({ where: { id: projectId }, select: { clientId: true } });
    if (!p) throw new AppError("NOT_FOUND", "That project does not exist.", { projectId: ["Choose a project."] });
    currency = await clientCurrency(p.clientId);
  }
  if (clientId) currency = await clientCurrency(clientId);
  if (userId && !(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "That person does not exist.", { userId: ["Choose a person."] });
  }
  const hourlyRate = parseAmount(r.hourlyRate, currency);
  if (hourlyRate === null || hourlyRate < 0 || hourlyRate > MAX_RATE) {
    const message = `Enter a rate of zero or more in ${currency}, such as 85 or 85.50.`;
    throw new AppError("VALIDATION", message, { hourlyRate: [message] });
  }
  const row = await db().rate.create({
    data: { projectId, userId, clientId, hourlyRate, effectiveFrom: new Date(`${r.effectiveFrom}T00:00:00Z`) },
    select: { id: true },
  });
  track("rate.created", { rate_id: row.id, level: r.level }, { userId: actorUserId(actor) });
  return row;
}

export async function deleteRate(actor: Caller, input: TById): Promise<void> {
  assertAdmin(actor, "manage rates");
  const { id } = ZById.parse(input);
  const { count } = await db().rate.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "That rate does not exist.");
  track("rate.deleted", { rate_id: id }, { userId: actorUserId(actor) });
}
