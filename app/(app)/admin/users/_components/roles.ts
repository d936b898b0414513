// The role picker's options, one per Prisma Role.
import type { Role } from "@/lib/validation/users";

const LABELS: Record<Role, string> = { user: "User", admin: "Administrator" };

export const ROLES = (Object.keys(LABELS) as Role[]).map((value) => ({ value, label: LABELS[value] }));
