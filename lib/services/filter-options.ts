// Everything the filter forms offer, archived clients and projects included (reports keep them).
import "server-only";
import { db } from "@/lib/db";
import { isAdmin, type Actor } from "./actor";
import { listClients } from "./clients";
import { listProjects } from "./projects";
import { listTags } from "./tags";

export async function filterOptions(actor: Actor) {
  const [clients, projects, tasks, tags, users] = await Promise.all([
    listClients(actor, { includeArchived: true }),
    listProjects(actor, { includeArchived: true }),
    db().task.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
    listTags(actor),
    isAdmin(actor)
      ? db().user.findMany({ select: { id: true, username: true }, orderBy: { username: "asc" } })
      : undefined,
  ]);
  return {
    clients: clients.map((c) => ({ id: c.id, name: c.name })),
    projects: projects.map((p) => ({ id: p.id, name: `${p.name} (${p.clientName})` })),
    tasks,
    tags,
    users,
  };
}
