// The tags page's list: each tag with how many entries carry it, and, where the viewer may change
// it, rename, merge into another tag, and delete (behind an inline confirmation).
import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { DeleteButton } from "@/components/forms/action-button";
import { SelectField, TextField } from "@/components/ui/field";
import type { TagUsage } from "@/lib/services/tags";

export interface TagActions {
  rename: FormAction;
  merge: FormAction;
  remove: FormAction;
}

export function TagTable({ tags, actions }: { tags: TagUsage[]; actions: TagActions }) {
  const tr = useTranslations("TagTable");
  return (
    <ul className="flex flex-col" data-testid="tag-list">
      {tags.map((t) => (
        <li key={t.id} className="border-t border-slate-200 py-3 dark:border-slate-700" data-testid="tag-row">
          <div className="flex flex-wrap items-baseline gap-3">
            <span className="max-w-64 truncate font-medium" title={t.name}>
              #{t.name}
            </span>
            <span className="text-sm text-slate-600 tabular-nums dark:text-slate-300">
              {tr("entries", { count: t.entries })}
            </span>
            {!t.canManage && <span className="text-xs text-slate-500">{tr("shared")}</span>}
          </div>
          {t.canManage && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-blue-700 dark:text-blue-400">
                {tr("manage", { name: t.name })}
              </summary>
              <div className="mt-2 grid gap-4 sm:grid-cols-3">
                <ActionForm
                  action={actions.rename}
                  submitLabel={tr("rename")}
                  successMessage={tr("renamed")}
                  variant="secondary"
                >
                  <input type="hidden" name="id" value={t.id} />
                  <TextField label={tr("newName")} name="name" defaultValue={t.name} />
                </ActionForm>
                <ActionForm
                  action={actions.merge}
                  submitLabel={tr("merge")}
                  successMessage={tr("merged")}
                  variant="secondary"
                >
                  <input type="hidden" name="id" value={t.id} />
                  <SelectField
                    label={tr("mergeInto", { name: t.name })}
                    name="intoId"
                    placeholder={tr("mergePlaceholder")}
                    options={tags.filter((o) => o.id !== t.id).map((o) => ({ value: o.id, label: `#${o.name}` }))}
                  />
                </ActionForm>
                <div className="flex flex-col gap-1 text-sm">
                  <span>{tr("deleteHint")}</span>
                  <DeleteButton action={actions.remove} id={t.id} confirm={tr("deleteConfirm")} />
                </div>
              </div>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
