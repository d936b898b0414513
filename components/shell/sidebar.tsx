"use client";
// The desktop sidebar (md and wider): the app's name, the navigation, and a button that collapses
// it to icons. The choice is kept in a cookie so the server renders it the same way next time.
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Clock, PanelLeftClose, PanelLeftOpen } from "lucide-react";
import { cx } from "@/components/ui/cx";
import { NavLinks } from "./nav-links";
import { SIDEBAR_COOKIE } from "./sidebar-cookie";

export function Sidebar({ isAdmin, initiallyCollapsed }: { isAdmin: boolean; initiallyCollapsed: boolean }) {
  const t = useTranslations("Shell");
  const tn = useTranslations("Nav");
  const tc = useTranslations("Common");
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    document.cookie = `${SIDEBAR_COOKIE}=${next ? "collapsed" : "open"}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <aside
      className={cx(
        "sticky top-0 hidden h-screen shrink-0 flex-col border-r border-slate-200 bg-white md:flex dark:border-slate-800 dark:bg-slate-900",
        collapsed ? "w-14" : "w-56",
      )}
      data-testid="sidebar"
      data-collapsed={collapsed ? "true" : "false"}
    >
      <Link
        href="/"
        className={cx(
          "flex h-14 items-center gap-2 px-4 text-lg font-bold text-blue-700 dark:text-blue-400",
          collapsed && "justify-center px-0",
        )}
        aria-label={collapsed ? tc("appName") : undefined}
      >
        <Clock aria-hidden className="h-5 w-5 shrink-0" />
        {!collapsed && <span className="truncate">{tc("appName")}</span>}
      </Link>
      <nav aria-label={tn("label")} className="flex-1 overflow-y-auto px-2 py-2">
        <NavLinks isAdmin={isAdmin} collapsed={collapsed} />
      </nav>
      <button
        type="button"
        onClick={toggle}
        aria-label={collapsed ? t("expandSidebar") : t("collapseSidebar")}
        aria-expanded={!collapsed}
        data-testid="sidebar-toggle"
        className={cx(
          "m-2 flex h-9 items-center gap-3 rounded-md px-2.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
          collapsed && "justify-center px-0",
        )}
      >
        {collapsed ? (
          <PanelLeftOpen aria-hidden className="h-4 w-4" />
        ) : (
          <PanelLeftClose aria-hidden className="h-4 w-4" />
        )}
        {!collapsed && <span>{t("collapseSidebar")}</span>}
      </button>
    </aside>
  );
}
