// Projects: placeholder until its feature lands; an empty state that says what will be here.
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";

export const metadata = { title: "Projects" };

export default async function Page() {
  await userOrRedirect();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Projects</h1>
      <EmptyState title="No projects yet">Projects group your time entries; each belongs to a client.</EmptyState>
    </>
  );
}
