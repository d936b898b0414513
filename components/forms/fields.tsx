"use client";
// Form fields that show their own errors (from ActionForm's context) in aria-live regions.
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useFieldErrors, useFieldId } from "./action-form";

const control = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";

export function FormField({
  label,
  name,
  hint,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint?: string }) {
  const errors = useFieldErrors(name);
  const id = useFieldId(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${hint ? `${id}-hint ` : ""}${id}-error`}
        className={control}
        {...rest}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <Errors name={name} />
    </div>
  );
}

function Errors({ name }: { name: string }) {
  const errors = useFieldErrors(name);
  const id = useFieldId(name);
  return (
    <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
      {errors?.join(" ")}
    </p>
  );
}

export function SelectField({
  label,
  name,
  options,
  placeholder,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const errors = useFieldErrors(name);
  const id = useFieldId(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-error`}
        className={control}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors name={name} />
    </div>
  );
}

export function TextAreaField({
  label,
  name,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string }) {
  const id = useFieldId(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea id={id} name={name} rows={3} aria-describedby={`${id}-error`} className={control} {...rest} />
      <Errors name={name} />
    </div>
  );
}

export function CheckboxField({
  label,
  name,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name={name} {...rest} /> {label}
      </label>
      <Errors name={name} />
    </div>
  );
}
