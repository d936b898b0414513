// 404 for any address no route matches: inside the shell when someone is signed in, else a plain
// page with a way to the start page. Always HTTP 404, also for anonymous callers.
import { getTranslations } from "next-intl/server";
import { NotFoundContent } from "@/components/shell/not-found-content";
import { optionalUser } from "@/lib/auth/session";
import { SignedInShell } from "./(app)/signed-in-shell";

export async function generateMetadata() {
  return { title: (await getTranslations("NotFound"))("title") };
}

export default async function NotFound() {
  const user = await optionalUser().catch(() => null);
  if (!user) {
    return (
      <main id="main" className="px-4">
        <NotFoundContent signedIn={false} />
      </main>
    );
  }
  return (
    <SignedInShell user={user}>
      <NotFoundContent />
    </SignedInShell>
  );
}
