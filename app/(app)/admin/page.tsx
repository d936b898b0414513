// Admin home: administrators only; others get a plain refusal.
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";

export const metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await userOrRedirect();
  if (user.role !== "admin") {
    return (
      <section role="alert">
        <h1 className="mb-2 text-2xl font-semibold">Not allowed</h1>
        <p>Only administrators can open this page.</p>
      </section>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Admin</h1>
      <EmptyState title="Administration">Settings, users and telemetry will be managed here.</EmptyState>
    </>
  );
}
