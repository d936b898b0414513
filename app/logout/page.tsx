// Sign-out page: one confirming button, so a link prefetch can never sign anyone out.
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { LogoutButton } from "./_components/logout-button";

export const metadata = { title: "Sign out" };
export const dynamic = "force-dynamic";

export default async function LogoutPage() {
  await redirectUntilSetup("/logout");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 px-4">
      <h1 className="text-2xl font-semibold">Sign out</h1>
      <p className="text-slate-600 dark:text-slate-400">Sign out of TimeTracker on this browser?</p>
      <LogoutButton />
    </main>
  );
}
