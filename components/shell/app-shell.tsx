// The signed-in frame: skip link, navigation progress, the sidebar (a drawer on phones), the top
// bar with the timer and the account menu, then the page. Pages stay inside it on errors and 404s.
import { Suspense } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MobileNav } from "./mobile-nav";
import { NavProgress } from "./nav-progress";
import { Sidebar } from "./sidebar";
import { UserMenu, type Theme } from "./user-menu";

export async function AppShell({
  user,
  setTheme,
  sidebarCollapsed,
  timerSlot,
  children,
}: {
  user: { username: string; fullName?: string | null; role: "admin" | "user"; theme: Theme };
  setTheme: (input: { theme: Theme }) => Promise<unknown>;
  sidebarCollapsed: boolean;
  timerSlot?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = await getTranslations("Shell");
  const tc = await getTranslations("Common");
  const isAdmin = user.role === "admin";
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-[70] focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
      >
        {t("skipToContent")}
      </a>
      <Suspense fallback={null}>
        <NavProgress />
      </Suspense>
      <div className="flex min-h-screen">
        <Sidebar isAdmin={isAdmin} initiallyCollapsed={sidebarCollapsed} />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-2 px-3 py-2 md:flex-nowrap md:px-4">
              <MobileNav isAdmin={isAdmin} />
              <Link href="/" className="text-base font-bold text-blue-700 md:hidden dark:text-blue-400">
                {tc("appName")}
              </Link>
              <div className="order-last w-full min-w-0 md:order-none md:w-auto md:flex-1">{timerSlot}</div>
              <div className="ml-auto md:ml-0">
                <UserMenu name={user.fullName || user.username} theme={user.theme} setTheme={setTheme} />
              </div>
            </div>
          </header>
          <main id="main" tabIndex={-1} className="mx-auto w-full min-w-0 max-w-6xl flex-1 px-4 py-6 outline-none">
            {children}
          </main>
        </div>
      </div>
    </>
  );
}
