// What the timer bar's pickers offer, loaded when a picker first opens (not on every page render):
// active projects with their client, recently used ones first; open tasks; the user's own tags;
// and the clients a new project can go under.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "./actor";
import { listClients } from "./clients";
import { listProjects } from "./projects";
import { listTasks } from "./tasks";

export interface TimerOptions {
  projects: { id: string; name: string; color: string; clientName: string }[];
  /** Up to 5 project ids from the user's latest entries, newest first. */
  recentProjectIds: string[];
  tasks: { id: string; projectId: string; name: string }[];
  /** Tags on the user's own entries (not every tag anyone typed). */
  tags: string[];
  clients: { id: string; name: string }[];
}

export async function timerOptions(actor: Actor): Promise<TimerOptions> {
  const [projects, tasks, recent, tags, clients] = await Promise.all([
    listProjects(actor),
    listTasks(actor, { openOnly: true }),
    db().timeEntry.findMany({
      where: { userId: actor.id, projectId: { not: null } },
      orderBy: { start: "desc" },
      take: 50,
      select: { projectId: true },
    }),
    db().tag.findMany({
      where: { entries: { some: { entry: { userId: actor.id } } } },
      orderBy: { name: "asc" },
      take: 200,
      select: { name: true },
    }),
    listClients(actor),
  ]);
  const active = projects.filter((p) => !p.archived);
  const activeIds = new Set(active.map((p) => p.id));
  const recentProjectIds = [...new Set(recent.map((r) => r.projectId!))].filter((id) => activeIds.has(id)).slice(0, 5);
  return {
    projects: active.map((p) => ({ id: p.id, name: p.name, color: p.color, clientName: p.clientName })),
    recentProjectIds,
    tasks: tasks
      .filter((t) => activeIds.has(t.projectId))
      .map((t) => ({ id: t.id, projectId: t.projectId, name: t.name })),
    tags: tags.map((t) => t.name),
    clients: clients.filter((c) => !c.archived).map((c) => ({ id: c.id, name: c.name })),
  };
}
