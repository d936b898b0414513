// What the command palette (Ctrl/Cmd+K) searches: active clients, projects and open tasks from the
// team's shared catalog, as lean items (names and ids, never rates or budgets). Loaded when the
// palette first opens, not on every page.
import "server-only";
import type { Actor } from "./actor";
import { listClients } from "./clients";
import { listProjects } from "./projects";
import { listTasks } from "./tasks";

export interface PaletteData {
  clients: { id: string; name: string }[];
  projects: { id: string; name: string; clientName: string; color: string }[];
  tasks: { id: string; name: string; projectId: string; projectName: string }[];
}

export async function listPaletteItems(actor: Actor): Promise<PaletteData> {
  const [clients, projects, tasks] = await Promise.all([
    listClients(actor),
    listProjects(actor),
    listTasks(actor, { openOnly: true }),
  ]);
  const active = new Set(projects.map((p) => p.id));
  return {
    clients: clients.map((c) => ({ id: c.id, name: c.name })),
    projects: projects.map((p) => ({ id: p.id, name: p.name, clientName: p.clientName, color: p.color })),
    tasks: tasks
      .filter((t) => active.has(t.projectId))
      .map((t) => ({ id: t.id, name: t.name, projectId: t.projectId, projectName: t.projectName })),
  };
}
