"use server";
// Clients: create, edit, archive/unarchive, delete (admins). Each action authorizes itself.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createClient, deleteClient, setClientArchived, updateClient } from "@/lib/services/clients";
import { formField, formId, formObject } from "@/lib/validation/form";

export async function createClientAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("clients.create", async () => {
    const user = await requireUser();
    const c = await createClient(user, formObject(form) as never);
    revalidatePath("/clients");
    return { id: c.id };
  });
}

export async function updateClientAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("clients.update", async () => {
    const user = await requireUser();
    await updateClient(user, formId(form), formObject(form) as never);
    revalidatePath("/clients");
    return null;
  });
}

export async function archiveClientAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("clients.archive", async () => {
    const user = await requireUser();
    await setClientArchived(user, formId(form), formField(form, "archived") === "true");
    revalidatePath("/clients");
    return null;
  });
}

export async function deleteClientAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("clients.delete", async () => {
    const user = await requireUser();
    await deleteClient(user, formId(form));
    revalidatePath("/clients");
    return null;
  });
}
