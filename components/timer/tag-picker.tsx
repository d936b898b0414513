"use client";
// Tags for the timer: a button showing how many are chosen, opening a searchable list to tick
// existing tags or add a new one by typing it. Changes are reported when the list closes. The list
// (cmdk) is its own chunk, fetched ahead of the first open (hover, focus, idle).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Tag } from "lucide-react";
import { lazyModule, usePreloadWhenIdle } from "@/components/ui/lazy-module";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cx } from "@/components/ui/cx";

const listModule = lazyModule(() => import("./tag-list"));
const preloadTagList = listModule.preload;

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
  const list = listModule.useModule(open);
  usePreloadWhenIdle(preloadTagList);
  const all = [...new Set([...(known ?? []), ...draft])].sort((a, b) => a.localeCompare(b));
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
        onPointerEnter={preloadTagList}
        onFocus={preloadTagList}
        className={cx(
          "inline-flex h-9 shrink-0 items-center gap-1 rounded-md px-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800",
          count ? "text-blue-700 dark:text-blue-300" : "text-slate-600 dark:text-slate-300",
        )}
      >
        <Tag aria-hidden className="h-4 w-4" />
        {count > 0 && <span className="tabular-nums">{count}</span>}
      </PopoverTrigger>
      <PopoverContent className="w-64 p-0" aria-label={t("tags")}>
        {list ? (
          <list.TagList
            all={all}
            draft={draft}
            query={query}
            setQuery={setQuery}
            toggle={toggle}
            add={(name) => {
              setDraft((d) => [...d, name]);
              setQuery("");
            }}
          />
        ) : (
          <p className="px-3 py-3 text-sm text-slate-600 dark:text-slate-400">…</p>
        )}
      </PopoverContent>
    </Popover>
  );
}
