// Active users for assignee pickers: ids and usernames only.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "./actor";

/** Every member may assign a task to any active user. */
export async function listAssignees(_actor: Actor): Promise<{ id: string; username: string }[]> {
  return db().user.findMany({
    where: { active: true },
    select: { id: true, username: true },
    orderBy: { username: "asc" },
  });
}
