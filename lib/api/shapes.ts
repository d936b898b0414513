// The REST API's resource shapes (solidtime-style): money as decimal strings (the organisation's
// currency, e.g. "85.50"), estimates in hours, times as RFC 3339 UTC. The services keep cents and
// minutes; these functions translate both ways, so a value read can be sent back unchanged.
// The *Input functions only rename fields: the service parses the result with its own schema, so
// the casts to its input type claim nothing the service does not check.
import "server-only";
import type { ClientDto } from "@/lib/services/clients";
import type { TClient } from "@/lib/validation/clients";
import type { TProject } from "@/lib/validation/projects";
import type { TTask } from "@/lib/validation/tasks";
import type { ProjectDto } from "@/lib/services/projects";
import type { TaskDto } from "@/lib/services/tasks";

export const money = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2));
export const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function apiClient(c: ClientDto) {
  return {
    id: c.id,
    name: c.name,
    contact: c.contact,
    email: c.email,
    phone: c.phone,
    address: c.address,
    defaultHourlyRate: money(c.defaultHourlyRateCents),
    archived: c.archived,
    projectCount: c.projectCount,
  };
}

/** API body fields → the client service's input names. */
export function clientInput(b: Record<string, unknown>): TClient {
  const { defaultHourlyRate, ...rest } = b;
  return {
    ...rest,
    ...(defaultHourlyRate !== undefined ? { defaultHourlyRateCents: defaultHourlyRate } : {}),
  } as TClient;
}

export function apiProject(p: ProjectDto) {
  return {
    id: p.id,
    clientId: p.clientId,
    clientName: p.clientName,
    name: p.name,
    description: p.description,
    color: p.color,
    billable: p.billable,
    hourlyRate: money(p.hourlyRateCents),
    effectiveHourlyRate: money(p.effectiveRateCents),
    billingReference: p.billingReference,
    estimatedHours: hours(p.estimatedMinutes),
    budget: money(p.budgetCents),
    budgetAlertPercent: p.budgetAlertPercent,
    archived: p.archived,
  };
}

export function projectInput(b: Record<string, unknown>): TProject {
  const { hourlyRate, budget, estimatedHours, ...rest } = b;
  return {
    ...rest,
    ...(hourlyRate !== undefined ? { hourlyRateCents: hourlyRate } : {}),
    ...(budget !== undefined ? { budgetCents: budget } : {}),
    ...(estimatedHours !== undefined ? { estimatedMinutes: estimatedHours } : {}),
  } as TProject;
}

export function apiTask(t: TaskDto) {
  return {
    id: t.id,
    projectId: t.projectId,
    projectName: t.projectName,
    name: t.name,
    description: t.description,
    status: t.status,
    priority: t.priority,
    estimatedHours: hours(t.estimatedMinutes),
    dueDate: t.dueDate,
    assigneeId: t.assigneeId,
    createdById: t.createdById,
    startedAt: iso(t.startedAt),
    completedAt: iso(t.completedAt),
  };
}

export function taskInput(b: Record<string, unknown>): TTask {
  const { estimatedHours, ...rest } = b;
  return { ...rest, ...(estimatedHours !== undefined ? { estimatedMinutes: estimatedHours } : {}) } as TTask;
}
