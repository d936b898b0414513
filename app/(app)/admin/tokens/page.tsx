// Admin → API tokens: every user's personal access tokens, with their owners; revoke any.
import { getTranslations } from "next-intl/server";
import { TokenTable } from "@/components/account/token-table";
import { EmptyState } from "@/components/ui/empty-state";
import { adminOrForbidden } from "@/lib/auth/session";
import { listAllApiTokens } from "@/lib/services/api-tokens-admin";
import { revokeAnyApiTokenAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("AdminTokens"))("title") };
}

export default async function AdminTokensPage() {
  const admin = await adminOrForbidden();
  const [tokens, t] = await Promise.all([listAllApiTokens(admin), getTranslations("AdminTokens")]);
  return (
    <section aria-labelledby="admin-tokens-h" className="flex flex-col gap-4">
      <h1 id="admin-tokens-h" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      {tokens.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <TokenTable
          tokens={tokens.map((token) => ({ ...token, owner: token.user.username }))}

          revoke={revokeAnyApiTokenAction}
          showOwner
          now={new Date()}
        />
      )}
    </section>
  );
}
