"use client";
// Combobox: a button that opens a searchable list (Radix Popover + cmdk). Type to filter, arrows
// to move, Enter to choose; an optional "Create …" row turns the typed text into a new item, and an
// optional "none" row clears the choice. The caller orders options (e.g. recent first). The list
// (cmdk) is its own chunk, fetched when the trigger is hovered or focused, or when the browser is
// idle, so pages do not pay for it in their first load.
import { useState } from "react";
import { ChevronsUpDown } from "lucide-react";
import { lazyModule, usePreloadWhenIdle } from "./lazy-module";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";
import { cx } from "./cx";

const listModule = lazyModule(() => import("./combobox-list"));
/** Fetches the list's code ahead of the first open. */
export const preloadComboboxList = listModule.preload;

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

export function Combobox(props: ComboboxProps) {
  const { options, value, onChange, label, placeholder, noneLabel, onCreate, createLabel } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const list = listModule.useModule(open);
  usePreloadWhenIdle(preloadComboboxList);
  const selected = options.find((o) => o.value === value) ?? (value ? (props.fallback ?? null) : null);
  const choose = (v: string | null) => {
    onChange(v);
    setOpen(false);
    setQuery("");
  };
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
        onPointerEnter={preloadComboboxList}
        onFocus={preloadComboboxList}
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
        {list ? (
          <list.ComboboxList
            options={options}
            value={value}
            label={label}
            query={query}
            setQuery={setQuery}
            searchPlaceholder={props.searchPlaceholder}
            emptyText={props.emptyText}
            noneLabel={noneLabel}
            createLabel={createLabel}
            onCreate={
              onCreate
                ? (text) => {
                    onCreate(text);
                    setOpen(false);
                    setQuery("");
                  }
                : undefined
            }
            choose={choose}
          />
        ) : (
          <p className="px-3 py-3 text-sm text-slate-600 dark:text-slate-400">…</p>
        )}
      </PopoverContent>
    </Popover>
  );
}
