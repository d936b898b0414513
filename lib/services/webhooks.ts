// Webhook endpoints: every member manages their own (events about their own time data and the shared
// catalog), admins also the organization-wide ones (every event). Someone else's endpoint looks
// exactly like a missing one. The secret is returned once, at creation.
import "server-only";
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import {
  ZCreateWebhook,
  ZSetWebhookEnabled,
  ZUpdateWebhook,
  ZWebhookById,
  type TCreateWebhook,
  type TSetWebhookEnabled,
  type TUpdateWebhook,
  type TWebhookById,
} from "@/lib/validation/webhooks";
import { isPrivateAddress } from "@/lib/webhooks/address-policy";
import { WEBHOOK_TEST_EVENT } from "@/lib/webhooks/event-types";
import { generateWebhookSecret } from "@/lib/webhooks/signature";
import { assertAdmin, type Actor } from "./actor";
import { webhookBody } from "./webhook-outbox";

export type WebhookScope = "own" | "organization";

export interface WebhookEndpointDto {
  id: string;
  organizationWide: boolean;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  failureCount: number;
  disabledReason: string | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface WebhookDeliveryDto {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "delivering" | "succeeded" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

const select = {
  id: true,
  ownerId: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  failureCount: true,
  disabledReason: true,
  disabledAt: true,
  createdAt: true,
} as const;

type Row = Omit<WebhookEndpointDto, "organizationWide"> & { ownerId: string | null };
const toDto = ({ ownerId, ...r }: Row): WebhookEndpointDto => ({ ...r, organizationWide: ownerId === null });

function ownerFor(actor: Actor, scope: WebhookScope): string | null {
  if (scope === "own") return actor.id;
  assertAdmin(actor, "manage organization-wide webhooks");
  return null;
}

/** The endpoints this actor may manage: their own, and for admins the organization's. */
function manageable(actor: Actor) {
  return actor.role === "admin" ? { OR: [{ ownerId: actor.id }, { ownerId: null }] } : { ownerId: actor.id };
}

async function findManageable(actor: Actor, id: string): Promise<Row> {
  const row = await db().webhookEndpoint.findFirst({ where: { id, ...manageable(actor) }, select });
  if (!row) throw new AppError("NOT_FOUND", "That webhook endpoint does not exist.");
  return row;
}

// Obvious internal targets are refused at once; names are resolved and checked at each delivery.
function assertTargetAllowed(url: string): void {
  if (env().WEBHOOK_ALLOW_PRIVATE_TARGETS) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || (isIP(host) && isPrivateAddress(host))) {
    const msg = "Webhooks may not go to private, loopback or link-local addresses on this server.";
    throw new AppError("VALIDATION", msg, { url: [msg] });
  }
}

export async function listWebhookEndpoints(actor: Actor, scope: WebhookScope): Promise<WebhookEndpointDto[]> {
  const ownerId = ownerFor(actor, scope);
  const rows = await db().webhookEndpoint.findMany({ where: { ownerId }, orderBy: { createdAt: "asc" }, select });
  return rows.map(toDto);
}

export async function getWebhookEndpoint(actor: Actor, id: string): Promise<WebhookEndpointDto> {
  return toDto(await findManageable(actor, ZWebhookById.parse({ id }).id));
}

export async function createWebhookEndpoint(
  actor: Actor,
  input: TCreateWebhook,
): Promise<{ endpoint: WebhookEndpointDto; secret: string }> {
  const data = ZCreateWebhook.parse(input);
  const ownerId = ownerFor(actor, data.scope);
  assertTargetAllowed(data.url);
  const secret = generateWebhookSecret();
  const row = await db().webhookEndpoint.create({
    data: { ownerId, url: data.url, description: data.description, events: data.events, secret },
    select,
  });
  track(
    "webhook.endpoint_created",
    { endpoint_id: row.id, organization_wide: ownerId === null, num_events: data.events.length },
    { userId: actor.id },
  );
  return { endpoint: toDto(row), secret };
}

export async function updateWebhookEndpoint(actor: Actor, input: TUpdateWebhook): Promise<WebhookEndpointDto> {
  const { id, ...data } = ZUpdateWebhook.parse(input);
  await findManageable(actor, id);
  assertTargetAllowed(data.url);
  const row = await db().webhookEndpoint.update({ where: { id }, data, select });
  track("webhook.endpoint_updated", { endpoint_id: id, enabled: row.enabled }, { userId: actor.id });
  return toDto(row);
}

/** Enabling (also after an automatic disable) starts counting failures afresh. */
export async function setWebhookEnabled(actor: Actor, input: TSetWebhookEnabled): Promise<WebhookEndpointDto> {
  const { id, enabled } = ZSetWebhookEnabled.parse(input);
  await findManageable(actor, id);
  const row = await db().webhookEndpoint.update({
    where: { id },
    data: enabled
      ? { enabled: true, failureCount: 0, disabledReason: null, disabledAt: null }
      : { enabled: false, disabledReason: null, disabledAt: new Date() },
    select,
  });
  forgetDisabledWebhooks();
  track("webhook.endpoint_updated", { endpoint_id: id, enabled }, { userId: actor.id });
  return toDto(row);
}

export async function deleteWebhookEndpoint(actor: Actor, input: TWebhookById): Promise<void> {
  const { id } = ZWebhookById.parse(input);
  await findManageable(actor, id);
  await db().webhookEndpoint.delete({ where: { id } });
  forgetDisabledWebhooks();
  track("webhook.endpoint_deleted", { endpoint_id: id }, { userId: actor.id });
}

/** Queues a "webhook.test" event for this endpoint only; the delivery log shows how it went. */
export async function sendWebhookTestEvent(actor: Actor, input: TWebhookById): Promise<{ deliveryId: string }> {
  const { id } = ZWebhookById.parse(input);
  const ep = await findManageable(actor, id);
  if (!ep.enabled) throw new AppError("CONFLICT", "Enable the endpoint before sending a test event.");
  const payload = webhookBody(WEBHOOK_TEST_EVENT, { endpointId: id, message: "Test event from TimeTracker" });
  const row = await db().webhookDelivery.create({
    data: { endpointId: id, eventId: randomUUID(), eventType: WEBHOOK_TEST_EVENT, payload },
    select: { id: true },
  });
  track("webhook.test_sent", { endpoint_id: id }, { userId: actor.id });
  return { deliveryId: row.id };
}

/** The newest deliveries of one endpoint, for its delivery log. */
export async function listWebhookDeliveries(
  actor: Actor,
  input: TWebhookById,
  limit = 50,
): Promise<WebhookDeliveryDto[]> {
  const { id } = ZWebhookById.parse(input);
  await findManageable(actor, id);
  return db().webhookDelivery.findMany({
    where: { endpointId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 200),
    select: {
      id: true,
      eventId: true,
      eventType: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      lastDurationMs: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
    },
  });
}

// The banner shows on every signed-in page; one shared, short-lived list of auto-disabled endpoints
// owners keeps it from costing a query per render. Changes made here clear it at once; another
// instance's changes show within the TTL.
const BANNER_TTL_MS = 30_000;
const banner = globalThis as unknown as { __ttWebhooksOff?: { at: number; owners: (string | null)[] } };

/** Forgets the cached list (after an endpoint was disabled, re-enabled or deleted). */
export function forgetDisabledWebhooks(): void {
  delete banner.__ttWebhooksOff;
}

/** For the banner: endpoints the worker disabled that this actor can re-enable (own; org-wide for admins). */
export async function countAutoDisabledWebhooks(actor: Actor): Promise<{ own: number; organization: number }> {
  let cached = banner.__ttWebhooksOff;
  if (!cached || Date.now() - cached.at > BANNER_TTL_MS) {
    const rows = await db().webhookEndpoint.findMany({
      where: { enabled: false, disabledReason: { not: null } },
      select: { ownerId: true },
    });
    cached = banner.__ttWebhooksOff = { at: Date.now(), owners: rows.map((r) => r.ownerId) };
  }
  return {
    own: cached.owners.filter((o) => o === actor.id).length,
    organization: actor.role === "admin" ? cached.owners.filter((o) => o === null).length : 0,
  };
}
