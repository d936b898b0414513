// Profile → API tokens: the caller's personal access tokens for the REST API (docs/api.md).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TokenTable } from "@/components/account/token-table";
import { EmptyState } from "@/components/ui/empty-state";
import { userOrRedirect } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/services/api-tokens";
import { revokeApiTokenAction } from "./actions";
import { CreateTokenForm } from "./_components/create-token-form";

export async function generateMetadata() {
  return { title: (await getTranslations("Tokens"))("title") };
}

export default async function TokensPage() {
  const user = await userOrRedirect();
  const [tokens, t] = await Promise.all([listApiTokens(user), getTranslations("Tokens")]);
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <section aria-labelledby="tokens-h">
        <h1 id="tokens-h" className="mb-2 text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">
          {t.rich("intro", {
            api: (chunks) => (
              <Link className="underline" href="/docs/api">
                {chunks}
              </Link>
            ),
            reference: (chunks) => (
              <Link className="underline" href="/api-reference">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
      <section aria-labelledby="new-token-h" className="max-w-xl">
        <h2 id="new-token-h" className="mb-4 text-xl font-semibold">
          {t("newTitle")}
        </h2>
        <CreateTokenForm isAdmin={user.role === "admin"} />
      </section>
      <section aria-labelledby="your-tokens-h" className="min-w-0">
        <h2 id="your-tokens-h" className="mb-4 text-xl font-semibold">
          {t("yourTitle")}
        </h2>
        {tokens.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        ) : (
          <TokenTable tokens={tokens} revoke={revokeApiTokenAction} now={new Date()} />
        )}
      </section>
    </div>
  );
}
