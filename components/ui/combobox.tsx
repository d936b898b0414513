"use client";
// Combobox: a button that opens a searchable list (Radix Popover + cmdk). Type to filter, arrows
// to move, Enter to choose; an optional "Create …" row turns the typed text into a new item, and an
// optional "none" row clears the choice. The caller orders options (e.g. recent first).
import { useState } from "react";
import { Command } from "cmdk";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";
import { cx } from "./cx";

export interface ComboboxOption {
  value: string;
  label: string;
  /** Shown after the label in grey (e.g. the client). */
  hint?: string;
  group?: string;
  /** A colour dot before the label. */
  color?: string;
}

export interface ComboboxProps {
  options: ComboboxOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** Accessible name of the trigger and the list. */
  label: string;
  placeholder: string;
  searchPlaceholder: string;
  emptyText: string;
  /** Adds a row that clears the choice. */
  noneLabel?: string;
  /** Adds a "create" row for the typed text. */
  onCreate?: (text: string) => void;
  createLabel?: (text: string) => string;
  className?: string;
  disabled?: boolean;
  testId?: string;
  /** Called when the list opens (e.g. to load the options on first use). */
  onOpen?: () => void;
  /** Shown as the choice while `value` is not (yet) among the options. */
  fallback?: ComboboxOption;
  /** Draws attention to an empty choice that should be filled in. */
  nudge?: boolean;
}

const ROW =
  "flex cursor-default select-none items-center gap-2 rounded-md px-2 py-1.5 text-sm data-[selected=true]:bg-slate-100 dark:data-[selected=true]:bg-slate-800";

export function Combobox(props: ComboboxProps) {
  const { options, value, onChange, label, placeholder, noneLabel, onCreate, createLabel } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const selected = options.find((o) => o.value === value) ?? (value ? (props.fallback ?? null) : null);
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const choose = (v: string | null) => {
    onChange(v);
    setOpen(false);
    setQuery("");
  };
  const text = query.trim();
  const exact = options.some((o) => o.label.toLowerCase() === text.toLowerCase());
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        if (next) props.onOpen?.();
        setOpen(next);
      }}
    >
      <PopoverTrigger
        type="button"
        disabled={props.disabled}
        // The visible text is part of the name (WCAG 2.5.3): "Project: Garden", "Project: Add project".
        aria-label={`${label}: ${selected ? selected.label : placeholder}`}
        title={selected ? [selected.label, selected.hint].filter(Boolean).join(" · ") : undefined}
        data-testid={props.testId}
        className={cx(
          "inline-flex h-9 min-w-0 items-center gap-2 rounded-md border bg-white px-2 text-left text-sm hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800",
          props.nudge && !selected
            ? "border-amber-500 text-amber-900 dark:border-amber-400 dark:text-amber-200"
            : "border-slate-300 dark:border-slate-600",
          props.className,
        )}
      >
        {selected?.color && (
          <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: selected.color }} />
        )}
        <span
          className={cx("min-w-0 flex-1 truncate", !selected && !props.nudge && "text-slate-600 dark:text-slate-300")}
        >
          {selected ? selected.label : placeholder}
        </span>
        <ChevronsUpDown aria-hidden className="h-4 w-4 shrink-0 opacity-60" />
      </PopoverTrigger>
      <PopoverContent className="w-72 p-0" aria-label={label}>
        <Command label={label} className="flex flex-col">
          <Command.Input
            value={query}
            onValueChange={setQuery}
            placeholder={props.searchPlaceholder}
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
                        <span
                          aria-hidden
                          className="h-2.5 w-2.5 shrink-0 rounded-full"
                          style={{ background: o.color }}
                        />
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
              <Command.Item
                value={`__create__ ${text}`}
                onSelect={() => (onCreate(text), setOpen(false), setQuery(""))}
                className={ROW}
              >
                <Plus aria-hidden className="h-4 w-4 shrink-0" />
                <span className="min-w-0 truncate">{createLabel ? createLabel(text) : text}</span>
              </Command.Item>
            )}
          </Command.List>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
