// Active users for assignee pickers: ids and usernames only.
import "server-only";
import { db } from "@/lib/db";

export async function listAssignees(): Promise<{ id: string; username: string }[]> {
  return db().user.findMany({
    where: { active: true },
    select: { id: true, username: true },
    orderBy: { username: "asc" },
  });
}
