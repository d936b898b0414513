// Timer: placeholder until its feature lands; an empty state that says what will be here.
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";

export const metadata = { title: "Timer" };

export default async function Page() {
  await userOrRedirect();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Timer</h1>
      <EmptyState title="No timer running">Start a timer here to track what you are working on.</EmptyState>
    </>
  );
}
