// Dashboard: today's and this week's totals and recent work (filled in by the time-tracking feature).
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await userOrRedirect();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Dashboard</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-400" data-testid="welcome">
        Welcome, {user.fullName || user.username}.
      </p>
      <EmptyState title="Nothing tracked yet">Start a timer or add an entry, and your day and week will show here.</EmptyState>
    </>
  );
}
