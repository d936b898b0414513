"use client";
// Main navigation, in the sidebar and the phone drawer: icon and label, the current page marked
// for assistive tech; with the sidebar collapsed, only icons (the label stays the accessible name
// and shows as a tooltip).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  BarChart3,
  Building2,
  CalendarDays,
  FolderKanban,
  LayoutDashboard,
  ListChecks,
  ReceiptText,
  ShieldCheck,
  Receipt,
  SquareCheckBig,
  Tags,
  Timer,
  type LucideIcon,
} from "lucide-react";
import { Tooltip } from "@/components/ui/tooltip";
import { cx } from "@/components/ui/cx";

type NavKey =
  | "dashboard"
  | "timer"
  | "entries"
  | "expenses"
  | "calendar"
  | "projects"
  | "clients"
  | "tasks"
  | "reports"
  | "tags"
  | "invoices"
  | "admin";
const ITEMS: { href: string; key: NavKey; icon: LucideIcon }[] = [
  { href: "/", key: "dashboard", icon: LayoutDashboard },
  { href: "/timer", key: "timer", icon: Timer },
  { href: "/entries", key: "entries", icon: ListChecks },
  { href: "/expenses", key: "expenses", icon: Receipt },
  { href: "/calendar", key: "calendar", icon: CalendarDays },
  { href: "/projects", key: "projects", icon: FolderKanban },
  { href: "/clients", key: "clients", icon: Building2 },
  { href: "/tasks", key: "tasks", icon: SquareCheckBig },
  { href: "/reports", key: "reports", icon: BarChart3 },
  { href: "/tags", key: "tags", icon: Tags },
];
// Invoicing is for administrators only (lib/services/invoices.ts asserts it).
const ADMIN_ITEMS = [
  { href: "/invoices", key: "invoices" as const, icon: ReceiptText },
  { href: "/admin", key: "admin" as const, icon: ShieldCheck },
];

export function NavLinks({
  isAdmin,
  collapsed = false,
  onNavigate,
}: {
  isAdmin: boolean;
  collapsed?: boolean;
  /** Called after a link is followed (the phone drawer closes). */
  onNavigate?: () => void;
}) {
  const t = useTranslations("Nav");
  const pathname = usePathname();
  const items = isAdmin ? [...ITEMS, ...ADMIN_ITEMS] : ITEMS;
  return (
    <ul className="flex flex-col gap-1">
      {items.map(({ href, key, icon: Icon }) => {
        const active = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
        const link = (
          <Link
            href={href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            aria-label={collapsed ? t(key) : undefined}
            className={cx(
              "flex h-9 items-center gap-3 rounded-md px-2.5 text-sm font-medium",
              collapsed && "justify-center px-0",
              active
                ? "bg-blue-600 text-white"
                : "text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800",
            )}
          >
            <Icon aria-hidden className="h-4 w-4 shrink-0" />
            {!collapsed && <span className="truncate">{t(key)}</span>}
          </Link>
        );
        return <li key={href}>{collapsed ? <Tooltip content={t(key)}>{link}</Tooltip> : link}</li>;
      })}
    </ul>
  );
}
