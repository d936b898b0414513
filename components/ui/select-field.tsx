// A labelled <select> with its error messages announced to screen readers.
import type { SelectHTMLAttributes } from "react";

export function SelectField({
  label,
  name,
  options,
  errors,
  hint,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  errors?: string[];
  hint?: string;
}) {
  const errId = `${name}-error`;
  const hintId = `${name}-hint`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${hint ? hintId : ""} ${errId}`.trim()}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <p id={errId} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
