// Task forms and board moves: status, priority, estimate, due date, assignee.
import { z } from "zod";
import { ZHoursAsMinutes, ZId, ZOptionalDateKey, ZOptionalId } from "./common";

export const TASK_STATUSES = ["todo", "in_progress", "review", "done", "cancelled"] as const;
export const TASK_PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES, { message: "Choose a status." });
export type TTaskStatus = z.infer<typeof ZTaskStatus>;

export const ZTask = z.object({
  projectId: ZId,
  name: z.string().trim().min(1, "Enter the task's name.").max(200, "At most 200 characters."),
  description: z.string().trim().max(5000, "At most 5000 characters.").default(""),
  status: ZTaskStatus.default("todo"),
  priority: z.enum(TASK_PRIORITIES, { message: "Choose a priority." }).default("medium"),
  estimatedMinutes: ZHoursAsMinutes.default(null),
  dueDate: ZOptionalDateKey.default(null),
  assigneeId: ZOptionalId.default(null),
});
export type TTask = z.input<typeof ZTask>;
