// Admin → API tokens: every user's personal access tokens, with their owners; revoke any.
import { TokenTable } from "@/components/account/token-table";
import { EmptyState } from "@/components/ui/empty-state";
import { adminOrForbidden } from "@/lib/auth/session";
import { listAllApiTokens } from "@/lib/services/api-tokens-admin";
import { revokeAnyApiTokenAction } from "./actions";

export const metadata = { title: "API tokens" };

export default async function AdminTokensPage() {
  const admin = await adminOrForbidden();
  const tokens = await listAllApiTokens(admin);
  return (
    <section aria-labelledby="admin-tokens-h" className="flex flex-col gap-4">
      <h1 id="admin-tokens-h" className="text-2xl font-semibold">
        API tokens
      </h1>
      <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">
        Every personal access token of every user. Revoking one stops it at once, on every app instance.
      </p>
      {tokens.length === 0 ? (
        <EmptyState title="No tokens">Nobody has created an API token yet.</EmptyState>
      ) : (
        <TokenTable
          tokens={tokens.map((t) => ({ ...t, owner: t.user.username }))}
          revoke={revokeAnyApiTokenAction}
          showOwner
          now={new Date()}
        />
      )}
    </section>
  );
}
