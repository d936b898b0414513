// What a non-admin sees on an admin page: a plain 403-style refusal.
import Link from "next/link";

export function Forbidden() {
  return (
    <section role="alert" data-testid="forbidden">
      <h1 className="mb-2 text-2xl font-semibold">Not allowed</h1>
      <p className="mb-4">Only administrators can open this page (403).</p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-400">
        Back to the dashboard
      </Link>
    </section>
  );
}
