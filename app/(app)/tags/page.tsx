// Tags: the viewer's tags with usage counts; rename, merge and delete where allowed.
import { EmptyState } from "@/components/ui/empty-state";
import { TagTable } from "@/components/tags/tag-table";
import { userOrRedirect } from "@/lib/auth/session";
import { listTagUsage } from "@/lib/services/tags";
import { deleteTagAction, mergeTagsAction, renameTagAction } from "./actions";

export const metadata = { title: "Tags" };

export default async function TagsPage() {
  const user = await userOrRedirect();
  const tags = await listTagUsage(user);
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">Tags</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {user.role === "admin"
          ? "Every tag in the organization, with the number of entries that carry it."
          : "The tags you created or used on your entries, with how many of your entries carry each."}
      </p>
      {tags.length === 0 ? (
        <EmptyState title="No tags yet">Type tags on an entry (separated by commas) and they appear here.</EmptyState>
      ) : (
        <TagTable tags={tags} actions={{ rename: renameTagAction, merge: mergeTagsAction, remove: deleteTagAction }} />
      )}
    </div>
  );
}
