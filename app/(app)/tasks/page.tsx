// Tasks: placeholder until its feature lands; an empty state that says what will be here.
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";

export const metadata = { title: "Tasks" };

export default async function Page() {
  await userOrRedirect();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Tasks</h1>
      <EmptyState title="No tasks yet">Tasks break a project into pieces of work.</EmptyState>
    </>
  );
}
