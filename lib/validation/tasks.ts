// Task forms and board moves: status, priority, estimate, due date, assignee. Statuses and
// priorities are the database's enums (prisma/schema.prisma), not copies.
import { z } from "zod";
import { TaskPriority, TaskStatus } from "@/lib/db/generated/enums";
import type { TTaskStatus } from "./choices";
import { ZHoursAsMinutes, ZId, zIdOf, ZOptionalDateKey, zOptionalIdOf } from "./common";

export { TASK_PRIORITIES, TASK_STATUSES, type TTaskStatus } from "./choices";
export const ZTaskStatus = z.enum(TaskStatus, { message: "Choose a status." });
/** Done or cancelled: no longer open, never overdue. */
export const CLOSED_STATUSES: readonly TTaskStatus[] = [TaskStatus.done, TaskStatus.cancelled];
export const ZTaskPriority = z.enum(TaskPriority, { message: "Choose a priority." });
export type TTaskPriority = z.infer<typeof ZTaskPriority>;

export const ZTask = z.object({
  projectId: zIdOf("a project"),
  name: z.string().trim().min(1, "Enter the task's name.").max(200, "At most 200 characters."),
  description: z.string().trim().max(5000, "At most 5000 characters.").default(""),
  status: ZTaskStatus.default("todo"),
  priority: ZTaskPriority.default("medium"),
  estimatedMinutes: ZHoursAsMinutes.default(null),
  dueDate: ZOptionalDateKey.default(null),
  assigneeId: zOptionalIdOf("a person").default(null),
});
export type TTask = z.input<typeof ZTask>;

export const ZTaskUpdate = ZTask.extend({ id: ZId });
export type TTaskUpdate = z.input<typeof ZTaskUpdate>;

/** A board move. */
export const ZTaskMove = z.object({ id: ZId, status: ZTaskStatus });
export type TTaskMove = z.input<typeof ZTaskMove>;
