// The role picker's options, one per Prisma Role, labelled from the catalog ("Admin.role").
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/validation/users";

const ROLE_VALUES: Role[] = ["user", "admin"];

export function useRoleOptions(): { value: Role; label: string }[] {
  const t = useTranslations("Admin");
  return ROLE_VALUES.map((value) => ({ value, label: t("role", { role: value }) }));
}
