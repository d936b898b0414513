// The signed-in layout: skip link, header with navigation, theme and account, then the page.
import Link from "next/link";
import { NavLinks, type NavItem } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

const ITEMS: NavItem[] = [
  { href: "/", label: "Dashboard" },
  { href: "/timer", label: "Timer" },
  { href: "/entries", label: "Entries" },
  { href: "/projects", label: "Projects" },
  { href: "/clients", label: "Clients" },
  { href: "/tasks", label: "Tasks" },
  { href: "/reports", label: "Reports" },
];

export function AppShell({
  user,
  setTheme,
  headerSlot,
  children,
}: {
  user: { username: string; role: "admin" | "user"; theme: "light" | "dark" | "system" };
  setTheme: (input: { theme: "light" | "dark" | "system" }) => Promise<unknown>;
  headerSlot?: React.ReactNode;
  children: React.ReactNode;
}) {
  const items =
    user.role === "admin"
      ? [...ITEMS, { href: "/invoices", label: "Invoices" }, { href: "/admin", label: "Admin" }]
      : ITEMS;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-3 md:flex-row md:items-center md:justify-between">
          <Link href="/" className="text-lg font-bold text-blue-700 dark:text-blue-400">
            TimeTracker
          </Link>
          <nav aria-label="Main">
            <NavLinks items={items} />
          </nav>
          <div className="flex items-center gap-2">
            {headerSlot}
            <ThemeToggle theme={user.theme} action={setTheme} />
            <Link href="/profile" className="rounded-md px-2 py-1.5 text-sm hover:underline" data-testid="profile-link">
              {user.username}
            </Link>
            <Link href="/logout" className="rounded-md px-2 py-1.5 text-sm hover:underline">
              Sign out
            </Link>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
