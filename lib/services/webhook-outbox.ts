// The webhook outbox: services call enqueueWebhookEvent inside the transaction that makes the
// change, so an event exists exactly when its change committed (a rollback takes both). One row per
// subscribed endpoint; lib/services/webhook-worker.ts delivers them.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import type { EntryDto } from "./entry-dto";
import { nudgeWebhookWorker } from "./webhook-nudge";

type Tx = Prisma.TransactionClient;

/**
 * Who may hear about it. A user's time data: that user's endpoints and the organization-wide ones.
 * The shared catalog (clients, projects), which every member sees: every endpoint. Organization
 * matters (invoices): organization-wide endpoints only.
 */
export type WebhookAudience = { userId: string } | "members" | "organization";

function endpointsFor(audience: WebhookAudience): Prisma.WebhookEndpointWhereInput {
  if (audience === "members") return {};
  if (audience === "organization") return { ownerId: null };
  return { OR: [{ ownerId: null }, { ownerId: audience.userId }] };
}

/** The envelope every endpoint receives (Standard Webhooks' recommended shape). */
export function webhookBody(type: string, data: object, at = new Date()) {
  return { type, timestamp: at.toISOString(), data };
}

/** Queues `type` for every enabled endpoint of the audience that subscribed to it. Inside `tx`. */
export async function enqueueWebhookEvent(
  tx: Tx,
  type: WebhookEventType,
  audience: WebhookAudience,
  data: object | (() => Promise<object>),
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, events: { has: type }, ...endpointsFor(audience) },
    select: { id: true },
  });
  if (!endpoints.length) return 0;
  const payload = webhookBody(type, typeof data === "function" ? await data() : data) as Prisma.InputJsonObject;
  const eventId = randomUUID();
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({ endpointId: e.id, eventId, eventType: type, payload })),
  });
  nudgeWebhookWorker();
  return endpoints.length;
}

/** A time entry as webhooks carry it: RFC 3339 UTC times, durations in seconds. */
export function entryWebhookData(
  e: Omit<EntryDto, "username" | "projectName" | "projectColor" | "clientName" | "taskName">,
) {
  return {
    id: e.id,
    userId: e.userId,
    projectId: e.projectId,
    clientId: e.clientId,
    taskId: e.taskId,
    start: e.start.toISOString(),
    end: e.end?.toISOString() ?? null,
    durationSeconds: e.end ? e.durationSeconds : null,
    notes: e.notes,
    tags: e.tags,
    billable: e.billable,
    source: e.source,
  };
}

export function projectWebhookData(p: {
  id: string;
  clientId: string;
  name: string;
  billable: boolean;
  archived: boolean;
}) {
  return { id: p.id, clientId: p.clientId, name: p.name, billable: p.billable, archived: p.archived };
}

export function clientWebhookData(c: { id: string; name: string; archived: boolean }) {
  return { id: c.id, name: c.name, archived: c.archived };
}
