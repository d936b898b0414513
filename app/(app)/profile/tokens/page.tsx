// Profile → API tokens: the caller's personal access tokens for the REST API (docs/api.md).
import Link from "next/link";
import { TokenTable } from "@/components/account/token-table";
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/services/api-tokens";
import { revokeApiTokenAction } from "./actions";
import { CreateTokenForm } from "./_components/create-token-form";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await userOrRedirect();
  const tokens = await listApiTokens(user);
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <section aria-labelledby="tokens-h">
        <h1 id="tokens-h" className="mb-2 text-2xl font-semibold">
          API tokens
        </h1>
        <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">
          Personal access tokens let scripts and integrations use the{" "}
          <Link className="underline" href="/docs/api">
            REST API
          </Link>{" "}
          as you, limited to the scopes you choose. A token can never do more than your account can. Every endpoint is
          listed in the{" "}
          <Link className="underline" href="/api-reference">
            API reference
          </Link>
          .
        </p>
      </section>
      <section aria-labelledby="new-token-h" className="max-w-xl">
        <h2 id="new-token-h" className="mb-4 text-xl font-semibold">
          New token
        </h2>
        <CreateTokenForm isAdmin={user.role === "admin"} />
      </section>
      <section aria-labelledby="your-tokens-h" className="min-w-0">
        <h2 id="your-tokens-h" className="mb-4 text-xl font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <EmptyState title="No tokens yet">Create one above to use the API from a script.</EmptyState>
        ) : (
          <TokenTable tokens={tokens} revoke={revokeApiTokenAction} now={new Date()} />
        )}
      </section>
    </div>
  );
}
