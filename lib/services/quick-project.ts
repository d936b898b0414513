// A project created from the timer's picker by typing its name: under an existing client, or a new
// client named in the same step (a first-time user has none yet).
import "server-only";
import { ZQuickProject, type TQuickProject } from "@/lib/validation/projects";
import type { Actor } from "./actor";
import { createClient } from "./clients";
import { createProject, type ProjectDto } from "./projects";

export async function createQuickProject(actor: Actor, input: TQuickProject): Promise<ProjectDto> {
  const data = ZQuickProject.parse(input);
  const clientId = data.clientId ?? (await createClient(actor, { name: data.clientName })).id;
  return createProject(actor, { clientId, name: data.name });
}
