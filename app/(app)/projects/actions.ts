"use server";
// Projects: create, edit, archive/unarchive, delete (admins). Each action authorizes itself.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createProject, deleteProject, setProjectArchived, updateProject } from "@/lib/services/projects";
import { formField, formId, formObject } from "@/lib/validation/form";

// Unchecked checkboxes send nothing: make "billable" explicit.
const projectInput = (form: FormData) =>
  ({ ...formObject(form), billable: formField(form, "billable") === "on" }) as never;

export async function createProjectAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("projects.create", async () => {
    const user = await requireUser();
    const p = await createProject(user, projectInput(form));
    revalidatePath("/projects");
    return { id: p.id };
  });
}

export async function updateProjectAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("projects.update", async () => {
    const user = await requireUser();
    await updateProject(user, formId(form), projectInput(form));
    revalidatePath("/projects", "layout");
    return null;
  });
}

export async function archiveProjectAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("projects.archive", async () => {
    const user = await requireUser();
    await setProjectArchived(user, formId(form), formField(form, "archived") === "true");
    revalidatePath("/projects", "layout");
    return null;
  });
}

export async function deleteProjectAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  const result = await runAction("projects.delete", async () => {
    const user = await requireUser();
    await deleteProject(user, formId(form));
    revalidatePath("/projects");
    return null;
  });
  if (result.ok) redirect("/projects");
  return result;
}
