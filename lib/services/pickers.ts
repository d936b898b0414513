// Options for project/task pickers: active projects only (archived ones are hidden), open tasks.
import "server-only";
import type { Actor } from "./actor";
import { listProjects } from "./projects";
import { listTasks } from "./tasks";

export async function pickerOptions(actor: Actor): Promise<{
  projects: { id: string; label: string }[];
  tasks: { id: string; projectId: string; name: string }[];
}> {
  const [projects, tasks] = await Promise.all([listProjects(actor), listTasks(actor, { openOnly: true })]);
  return {
    projects: projects.map((p) => ({ id: p.id, label: `${p.name} (${p.clientName})` })),
    tasks: tasks.map((t) => ({ id: t.id, projectId: t.projectId, name: t.name })),
  };
}
