"use client";
// Saved report views on the reports page: each a link that applies it, with a menu to rename or
// delete it (deleting shows a toast with Undo, which saves it again); "Save view" keeps the current
// filters under a name.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Bookmark, MoreHorizontal } from "lucide-react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/errors";
import type { TReportViewQuery, TSaveReportView } from "@/lib/validation/report-views";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type Saved = { id: string; name: string; query: TReportViewQuery };

export interface SavedViewActions {
  save: (input: TSaveReportView) => Promise<ActionResult<Saved>>;
  rename: (input: { id: string; name: string }) => Promise<ActionResult<{ id: string }>>;
  remove: (input: { id: string }) => Promise<ActionResult<Saved>>;
}

export function SavedViews({
  views,
  current,
  actions,
}: {
  views: { id: string; name: string; href: string; active: boolean }[];
  /** The filters on the page now, as a view would keep them. */
  current: Omit<TSaveReportView, "name">;
  actions: SavedViewActions;
}) {
  const t = useTranslations("SavedViews");
  const router = useRouter();
  const [dialog, setDialog] = useState<{ mode: "save" } | { mode: "rename"; id: string; name: string } | null>(null);

  const remove = async (id: string) => {
    const r = await actions.remove({ id });
    router.refresh();
    if (!r.ok) return void toast.error(r.error.message);
    const { name, query } = r.data;
    toast(t("deleted", { name }), {
      action: {
        label: t("undo"),
        onClick: async () => {
          const back = await actions.save({ ...query, name });
          if (back.ok) toast.success(t("restored", { name }));
          else toast.error(back.error.message);
          router.refresh();
        },
      },
    });
  };

  return (
    <section
      aria-labelledby="saved-views-title"
      className="flex flex-wrap items-center gap-2 text-sm"
      data-testid="saved-views"
    >
      <h2 id="saved-views-title" className="text-sm font-medium text-slate-600 dark:text-slate-400">
        {t("title")}
      </h2>
      {views.length === 0 && <p className="text-slate-600 dark:text-slate-400">{t("empty")}</p>}
      <ul className="flex min-w-0 flex-wrap gap-2">
        {views.map((v) => (
          <li
            key={v.id}
            className={`flex max-w-full min-w-0 items-center rounded-full border ${v.active ? "border-blue-600 bg-blue-50 dark:bg-blue-950" : "border-slate-300 dark:border-slate-600"}`}
          >
            <Link
              href={v.href}
              aria-current={v.active ? "true" : undefined}
              className="min-w-0 truncate rounded-l-full py-1 pr-1 pl-3"
              title={v.name}
            >
              {v.name}
            </Link>
            <DropdownMenu>
              <DropdownMenuTrigger
                aria-label={t("menu", { name: v.name })}
                className="rounded-r-full px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                <MoreHorizontal aria-hidden className="h-4 w-4" />
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem onSelect={() => setDialog({ mode: "rename", id: v.id, name: v.name })}>
                  {t("rename")}
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => void remove(v.id)}>{t("delete")}</DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </li>
        ))}
      </ul>
      <Button variant="secondary" size="sm" onClick={() => setDialog({ mode: "save" })} data-testid="save-view">
        <Bookmark aria-hidden className="mr-1 h-4 w-4" />
        {t("save")}
      </Button>
      <Dialog open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)}>
        {dialog && (
          <DialogContent
            title={dialog.mode === "save" ? t("saveTitle") : t("renameTitle")}
            description={dialog.mode === "save" ? t("saveHint") : undefined}
            closeLabel={t("cancel")}
          >
            <NameForm
              initial={dialog.mode === "rename" ? dialog.name : ""}
              submitLabel={dialog.mode === "save" ? t("save") : t("rename")}
              onSubmit={async (name) => {
                const r =
                  dialog.mode === "save"
                    ? await actions.save({ ...current, name })
                    : await actions.rename({ id: dialog.id, name });
                if (r.ok) {
                  setDialog(null);
                  toast.success(dialog.mode === "save" ? t("saved", { name }) : t("renamed", { name }));
                  router.refresh();
                }
                return r;
              }}
            />
          </DialogContent>
        )}
      </Dialog>
    </section>
  );
}

function NameForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("SavedViews");
  const [name, setName] = useState(initial);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(ev) => {
        ev.preventDefault();
        start(async () => {
          const r = await onSubmit(name);
          setError(r.ok ? "" : (r.fieldErrors?.name?.[0] ?? r.error.message));
        });
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        {t("name")}
        <input
          name="name"
          value={name}
          onChange={(ev) => setName(ev.target.value)}
          maxLength={60}
          required
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby="view-name-error"
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <p id="view-name-error" aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
