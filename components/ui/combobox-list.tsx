"use client";
// The Combobox's searchable list (cmdk), in its own module: it loads when a combobox first opens
// (or is about to: hover, focus, idle), not with every page (docs/development.md, "Bundle budget").
import { Command } from "cmdk";
import { Check, Plus } from "lucide-react";
import { cx } from "./cx";
import type { ComboboxOption } from "./combobox";

const ROW =
  "flex cursor-default select-none items-center gap-2 rounded-md px-2 py-1.5 text-sm data-[selected=true]:bg-slate-100 dark:data-[selected=true]:bg-slate-800";

export interface ComboboxListProps {
  options: ComboboxOption[];
  value: string | null;
  label: string;
  query: string;
  setQuery: (q: string) => void;
  searchPlaceholder: string;
  emptyText: string;
  noneLabel?: string;
  createLabel?: (text: string) => string;
  /** Shown only when set: a "create" row for the typed text. */
  onCreate?: (text: string) => void;
  choose: (value: string | null) => void;
}

export function ComboboxList(props: ComboboxListProps) {
  const { options, value, label, query, setQuery, noneLabel, createLabel, choose } = props;
  const onCreate = props.onCreate;
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const text = query.trim();
  const exact = options.some((o) => o.label.toLowerCase() === text.toLowerCase());
  return (
    <Command label={label} className="flex flex-col">
      <Command.Input
        value={query}
        onValueChange={setQuery}
        placeholder={props.searchPlaceholder}
        autoFocus
        className="h-10 border-b border-slate-200 bg-transparent px-3 text-sm outline-none dark:border-slate-700"
      />
      <Command.List className="max-h-64 overflow-y-auto p-1">
        <Command.Empty className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">
          {props.emptyText}
        </Command.Empty>
        {noneLabel && !text && (
          <Command.Item value="__none__" onSelect={() => choose(null)} className={ROW}>
            <Check aria-hidden className={cx("h-4 w-4", value ? "invisible" : "")} />
            {noneLabel}
          </Command.Item>
        )}
        {groups.map((g) => (
          <Command.Group
            key={g}
            heading={g || undefined}
            className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-600 dark:[&_[cmdk-group-heading]]:text-slate-400"
          >
            {options
              .filter((o) => (o.group ?? "") === g)
              .map((o) => (
                <Command.Item
                  key={o.value}
                  value={`${o.label} ${o.hint ?? ""} ${o.value}`}
                  onSelect={() => choose(o.value)}
                  className={ROW}
                >
                  <Check aria-hidden className={cx("h-4 w-4 shrink-0", o.value === value ? "" : "invisible")} />
                  {o.color && (
                    <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: o.color }} />
                  )}
                  <span className="min-w-0 truncate" title={o.label}>
                    {o.label}
                  </span>
                  {o.hint && (
                    <span className="ml-auto min-w-0 truncate text-xs text-slate-600 dark:text-slate-400">
                      {o.hint}
                    </span>
                  )}
                </Command.Item>
              ))}
          </Command.Group>
        ))}
        {onCreate && text && !exact && (
          <Command.Item value={`__create__ ${text}`} onSelect={() => onCreate(text)} className={ROW}>
            <Plus aria-hidden className="h-4 w-4 shrink-0" />
            <span className="min-w-0 truncate">{createLabel ? createLabel(text) : text}</span>
          </Command.Item>
        )}
      </Command.List>
    </Command>
  );
}
