"use client";
// The timer's tag list (cmdk), in its own module: it loads when the tag picker first opens (or is
// about to), not with every page (docs/development.md, "Bundle budget").
import { useTranslations } from "next-intl";
import { Command } from "cmdk";
import { Check, Plus } from "lucide-react";
import { cx } from "@/components/ui/cx";

const ROW =
  "flex cursor-default select-none items-center gap-2 rounded-md px-2 py-1.5 text-sm data-[selected=true]:bg-slate-100 dark:data-[selected=true]:bg-slate-800";

export interface TagListProps {
  all: string[];
  draft: string[];
  query: string;
  setQuery: (q: string) => void;
  toggle: (name: string) => void;
  add: (name: string) => void;
}

export function TagList({ all, draft, query, setQuery, toggle, add }: TagListProps) {
  const t = useTranslations("Timer");
  const text = query.trim().slice(0, 40);
  return (
    <Command label={t("tags")}>
      <Command.Input
        value={query}
        onValueChange={setQuery}
        placeholder={t("searchTags")}
        autoFocus
        className="h-10 w-full border-b border-slate-200 bg-transparent px-3 text-sm outline-none dark:border-slate-700"
      />
      <Command.List className="max-h-60 overflow-y-auto p-1">
        <Command.Empty className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">{t("noTags")}</Command.Empty>
        {all.map((name) => (
          <Command.Item key={name} value={name} onSelect={() => toggle(name)} className={ROW}>
            <Check aria-hidden className={cx("h-4 w-4 shrink-0", draft.includes(name) ? "" : "invisible")} />
            <span className="min-w-0 truncate" title={name}>
              {name}
            </span>
          </Command.Item>
        ))}
        {text && !all.some((n) => n.toLowerCase() === text.toLowerCase()) && (
          <Command.Item value={`__add__ ${text}`} onSelect={() => add(text)} className={ROW}>
            <Plus aria-hidden className="h-4 w-4 shrink-0" />
            <span className="min-w-0 truncate">{t("addTag", { name: text })}</span>
          </Command.Item>
        )}
      </Command.List>
    </Command>
  );
}
