// Plain lists and labels that client components share with the schemas. No zod here, on purpose:
// a client component that imports a schema module pulls zod (~32 kB gzip) into its page's first
// load (docs/development.md, "Bundle budget"). The schema modules re-export what they use.
import { Role, TaskPriority, TaskStatus, Theme } from "@/lib/db/generated/enums";

// The unions come from the Prisma schema's enums, re-exported so UI code never names lib/db.
export { Role, Theme };

export const TASK_STATUSES = Object.values(TaskStatus);
export const TASK_PRIORITIES = Object.values(TaskPriority);
export type TTaskStatus = TaskStatus;
// A status's label lives in the catalog (messages/en.json, "TaskStatus"), one for the task list,
// the task form and the board alike; lib/validation/forms.test.ts checks every status has one.

/** The organization's rounding steps, in minutes (0 = no rounding). */
export const ROUNDING_MINUTES = [0, 1, 5, 6, 10, 15, 30] as const;

/** What an API token may do. `X:write` does not imply `X:read`; `admin` is needed for the admin
 * routes and only works while the token's owner is an administrator. */
export const API_SCOPES = [
  "entries:read",
  "entries:write",
  "projects:read",
  "projects:write",
  "clients:read",
  "clients:write",
  "tasks:read",
  "tasks:write",
  "tags:read",
  "tags:write",
  "reports:read",
  "timer:write",
  "expenses:read",
  "expenses:write",
  "invoices:read",
  "invoices:write",
  "admin",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const TOKEN_EXPIRY_DAYS = ["7", "30", "90", "365", "never"] as const;
