// Reports: placeholder until its feature lands; an empty state that says what will be here.
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";

export const metadata = { title: "Reports" };

export default async function Page() {
  await userOrRedirect();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Reports</h1>
      <EmptyState title="Nothing to report yet">Summaries of tracked time will appear here once you track some.</EmptyState>
    </>
  );
}
