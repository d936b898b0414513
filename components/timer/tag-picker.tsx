"use client";
// Tags for the timer: a button showing how many are chosen, opening a searchable list to tick
// existing tags or add a new one by typing it. Changes are reported when the list closes.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Command } from "cmdk";
import { Check, Plus, Tag } from "lucide-react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cx } from "@/components/ui/cx";

const ROW =
  "flex cursor-default select-none items-center gap-2 rounded-md px-2 py-1.5 text-sm data-[selected=true]:bg-slate-100 dark:data-[selected=true]:bg-slate-800";

export function TagPicker({
  known,
  value,
  onChange,
  onOpen,
}: {
  known: string[] | null;
  value: string[];
  /** Called when the list closes, if the choice changed. */
  onChange: (tags: string[]) => void;
  onOpen: () => void;
}) {
  const t = useTranslations("Timer");
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(value);
  const [query, setQuery] = useState("");
  const all = [...new Set([...(known ?? []), ...draft])].sort((a, b) => a.localeCompare(b));
  const text = query.trim().slice(0, 40);
  const toggle = (name: string) => setDraft((d) => (d.includes(name) ? d.filter((x) => x !== name) : [...d, name]));
  const onOpenChange = (next: boolean) => {
    if (next) {
      onOpen();
      setDraft(value);
    } else {
      setQuery("");
      if ([...draft].sort().join("\n") !== [...value].sort().join("\n")) onChange(draft);
    }
    setOpen(next);
  };
  const count = open ? draft.length : value.length;
  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverTrigger
        type="button"
        aria-label={`${t("tags")}: ${t("tagsCount", { count })}`}
        title={value.length ? value.join(", ") : t("tags")}
        data-testid="timer-tags"
        className={cx(
          "inline-flex h-9 shrink-0 items-center gap-1 rounded-md px-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800",
          count ? "text-blue-700 dark:text-blue-300" : "text-slate-600 dark:text-slate-300",
        )}
      >
        <Tag aria-hidden className="h-4 w-4" />
        {count > 0 && <span className="tabular-nums">{count}</span>}
      </PopoverTrigger>
      <PopoverContent className="w-64 p-0" aria-label={t("tags")}>
        <Command label={t("tags")}>
          <Command.Input
            value={query}
            onValueChange={setQuery}
            placeholder={t("searchTags")}
            className="h-10 w-full border-b border-slate-200 bg-transparent px-3 text-sm outline-none dark:border-slate-700"
          />
          <Command.List className="max-h-60 overflow-y-auto p-1">
            <Command.Empty className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">
              {t("noTags")}
            </Command.Empty>
            {all.map((name) => (
              <Command.Item key={name} value={name} onSelect={() => toggle(name)} className={ROW}>
                <Check aria-hidden className={cx("h-4 w-4 shrink-0", draft.includes(name) ? "" : "invisible")} />
                <span className="min-w-0 truncate" title={name}>
                  {name}
                </span>
              </Command.Item>
            ))}
            {text && !all.some((n) => n.toLowerCase() === text.toLowerCase()) && (
              <Command.Item
                value={`__add__ ${text}`}
                onSelect={() => {
                  setDraft((d) => [...d, text]);
                  setQuery("");
                }}
                className={ROW}
              >
                <Plus aria-hidden className="h-4 w-4 shrink-0" />
                <span className="min-w-0 truncate">{t("addTag", { name: text })}</span>
              </Command.Item>
            )}
          </Command.List>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
