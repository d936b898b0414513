// Clients: any signed-in user may create, edit and archive; only admins delete (and only when unused).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZClient, ZClientUpdate, type TClient, type TClientUpdate } from "@/lib/validation/clients";
import { ZArchive, ZById, type TArchive, type TById } from "@/lib/validation/common";
import { assertAdmin, type Actor } from "./actor";
import { withUniqueName } from "./catalog";
import { canSeeMoney } from "./settings";
import { clientWebhookData, enqueueWebhookEvent } from "./webhook-outbox";

export interface ClientDto {
  id: string;
  name: string;
  contact: string;
  email: string;
  phone: string;
  address: string;
  defaultHourlyRateCents: number | null;
  /** Billing currency (null: the organization's) and tax id, edited on the invoice settings page. */
  currency: string | null;
  taxId: string;
  archived: boolean;
  projectCount: number;
}

const select = {
  id: true,
  name: true,
  contact: true,
  email: true,
  phone: true,
  address: true,
  defaultHourlyRateCents: true,
  currency: true,
  taxId: true,
  archived: true,
  _count: { select: { projects: true } },
} as const;

type Row = Omit<ClientDto, "projectCount"> & { _count: { projects: number } };
/** `money` false (a member without "members see money"): the default rate is null. */
const toDto = ({ _count, ...r }: Row, money = true): ClientDto => ({
  ...r,
  ...(money ? {} : { defaultHourlyRateCents: null }),
  projectCount: _count.projects,
});

const DUPLICATE = "A client with that name already exists.";

// Reads take the actor like writes: the catalog is open to every member, and the signature keeps it
// so when that changes.
export async function listClients(actor: Actor, opts: { includeArchived?: boolean } = {}): Promise<ClientDto[]> {
  const money = await canSeeMoney(actor);
  const rows = await db().client.findMany({
    where: opts.includeArchived ? {} : { archived: false },
    orderBy: [{ archived: "asc" }, { name: "asc" }],
    select,
  });
  return rows.map((r) => toDto(r, money));
}

export async function getClient(actor: Actor, id: string): Promise<ClientDto> {
  const row = await db().client.findUnique({ where: { id }, select });
  if (!row) throw new AppError("NOT_FOUND", "That client does not exist.");
  return toDto(row, await canSeeMoney(actor));
}

export async function createClient(actor: Actor, input: TClient): Promise<ClientDto> {
  const money = await canSeeMoney(actor);
  const { defaultHourlyRateCents: rate, ...rest } = ZClient.parse(input);
  // Someone who cannot see the rate cannot set it either (the form does not show it to them).
  const data = money ? { ...rest, defaultHourlyRateCents: rate } : rest;
  const row = await withUniqueName(DUPLICATE, () =>
    db().$transaction(async (tx) => {
      const created = await tx.client.create({ data, select });
      await enqueueWebhookEvent(tx, "client.created", "members", clientWebhookData(created));
      return created;
    }),
  );
  track("client.created", { client_id: row.id }, { userId: actor.id });
  return toDto(row, money);
}

export async function updateClient(actor: Actor, input: TClientUpdate): Promise<ClientDto> {
  const { id, ...parsed } = ZClientUpdate.parse(input);
  const money = await canSeeMoney(actor);
  const { defaultHourlyRateCents: rate, ...rest } = parsed;
  const data = money ? { ...rest, defaultHourlyRateCents: rate } : rest;
  await getClient(actor, id);
  const row = await withUniqueName(DUPLICATE, () =>
    db().$transaction(async (tx) => {
      const updated = await tx.client.update({ where: { id }, data, select });
      await enqueueWebhookEvent(tx, "client.updated", "members", clientWebhookData(updated));
      return updated;
    }),
  );
  track("client.updated", { client_id: id }, { userId: actor.id });
  return toDto(row, money);
}

export async function setClientArchived(actor: Actor, input: TArchive): Promise<void> {
  const { id, archived } = ZArchive.parse(input);
  await getClient(actor, id);
  await db().$transaction(async (tx) => {
    const c = await tx.client.update({ where: { id }, data: { archived }, select });
    await enqueueWebhookEvent(tx, "client.archived", "members", clientWebhookData(c));
  });
  track("client.archived", { client_id: id, archived }, { userId: actor.id });
}

export async function deleteClient(actor: Actor, input: TById): Promise<void> {
  assertAdmin(actor, "delete clients");
  const { id } = ZById.parse(input);
  const client = await getClient(actor, id);
  if (client.projectCount > 0) {
    throw new AppError(
      "CONFLICT",
      "This client still has projects. Delete or move them first, or archive the client instead.",
    );
  }
  await db().client.delete({ where: { id } });
  track("client.deleted", { client_id: id }, { userId: actor.id });
}
