"use server";
// Time entries: manual and bulk entry, edit, duplicate, delete. Services scope every change to
// the signed-in user's own entries (admins: anyone's).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createBulkEntries, createManualEntry, deleteEntry, duplicateEntry, updateEntry } from "@/lib/services/entries";
import { formField, formId, formObject } from "@/lib/validation/form";

const entryInput = (form: FormData) => {
  const o = formObject(form);
  return { ...o, billable: o.billable === "default" ? undefined : formField(form, "billable") === "on" } as never;
};

function refresh() {
  revalidatePath("/", "layout");
}

export async function createEntryAction(_prev: unknown, form: FormData): Promise<ActionResult<{ overlaps: boolean }>> {
  return runAction("entries.create", async () => {
    const user = await requireUser();
    const e = await createManualEntry(user, entryInput(form));
    refresh();
    return { overlaps: e.overlaps };
  });
}

export async function bulkEntryAction(_prev: unknown, form: FormData): Promise<ActionResult<{ created: number }>> {
  return runAction("entries.bulk", async () => {
    const user = await requireUser();
    const r = await createBulkEntries(user, {
      ...(entryInput(form) as object),
      skipWeekends: formField(form, "skipWeekends") === "on",
    } as never);
    refresh();
    return r;
  });
}

export async function updateEntryAction(_prev: unknown, form: FormData): Promise<ActionResult<{ overlaps: boolean }>> {
  const result = await runAction("entries.update", async () => {
    const user = await requireUser();
    const e = await updateEntry(user, formId(form), entryInput(form));
    refresh();
    return { overlaps: e.overlaps };
  });
  if (result.ok) redirect(`/entries?saved=1${result.data.overlaps ? "&overlap=1" : ""}`);
  return result;
}

export async function duplicateEntryAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("entries.duplicate", async () => {
    const user = await requireUser();
    await duplicateEntry(user, formId(form));
    refresh();
    return null;
  });
}

export async function deleteEntryAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("entries.delete", async () => {
    const user = await requireUser();
    await deleteEntry(user, formId(form));
    refresh();
    return null;
  });
}

/** Week grid: adds an entry of the typed difference on that day. */
export async function addGridTimeAction(input: {
  projectId: string;
  taskId: string | null;
  date: string;
  duration: string;
}): Promise<ActionResult<null>> {
  return runAction("entries.grid_add", async () => {
    const user = await requireUser();
    // A crafted call may send null or a string here: the service's schema then says what is missing.
    const { projectId, taskId, date, duration } = (input ?? {}) as Partial<typeof input>;
    await createManualEntry(user, { projectId, taskId, date, duration } as typeof input);
    refresh();
    return null;
  });
}
