"use server";
// Tasks: create, edit, move on the board, delete (creator or admin). Each action authorizes itself.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createTask, deleteTask, setTaskStatus, updateTask } from "@/lib/services/tasks";
import { ZId } from "@/lib/validation/common";
import { formId, formObject } from "@/lib/validation/form";
import type { TTaskStatus } from "@/lib/validation/tasks";

export async function createTaskAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("tasks.create", async () => {
    const user = await requireUser();
    const t = await createTask(user, formObject(form) as never);
    revalidatePath("/", "layout");
    return { id: t.id };
  });
}

export async function updateTaskAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("tasks.update", async () => {
    const user = await requireUser();
    await updateTask(user, formId(form), formObject(form) as never);
    revalidatePath("/", "layout");
    return null;
  });
}

export async function moveTaskAction(id: string, status: TTaskStatus): Promise<ActionResult<null>> {
  return runAction("tasks.move", async () => {
    const user = await requireUser();
    await setTaskStatus(user, ZId.parse(id), status);
    revalidatePath("/tasks");
    return null;
  });
}

export async function deleteTaskAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("tasks.delete", async () => {
    const user = await requireUser();
    await deleteTask(user, formId(form));
    revalidatePath("/", "layout");
    return null;
  });
}
