// Entries: placeholder until its feature lands; an empty state that says what will be here.
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";

export const metadata = { title: "Entries" };

export default async function Page() {
  await userOrRedirect();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Entries</h1>
      <EmptyState title="No time entries yet">Entries you track or add by hand will be listed here.</EmptyState>
    </>
  );
}
