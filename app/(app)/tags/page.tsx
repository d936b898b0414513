// Tags: the viewer's tags with usage counts; rename, merge and delete where allowed.
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { TagTable } from "@/components/tags/tag-table";
import { userOrRedirect } from "@/lib/auth/session";
import { listTagUsage } from "@/lib/services/tags";
import { deleteTagAction, mergeTagsAction, renameTagAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Tags"))("title") };
}

export default async function TagsPage() {
  const user = await userOrRedirect();
  const tags = await listTagUsage(user);
  const t = await getTranslations("Tags");
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {user.role === "admin" ? t("introAdmin") : t("introMember")}
      </p>
      {tags.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <TagTable tags={tags} actions={{ rename: renameTagAction, merge: mergeTagsAction, remove: deleteTagAction }} />
      )}
    </div>
  );
}
