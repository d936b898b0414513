"use client";
// Form fields that show their own errors (from ActionForm's context) in aria-live regions.
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { Field } from "@/components/ui/field";
import { useFieldErrors } from "./action-form";

const control =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";

export function FormField(props: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint?: string }) {
  const errors = useFieldErrors(props.name);
  return <Field {...props} errors={errors} />;
}

function Errors({ name }: { name: string }) {
  const errors = useFieldErrors(name);
  return (
    <p id={`${name}-error`} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
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
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={rest.id ?? name} className="text-sm font-medium">
        {label}
      </label>
      <select id={rest.id ?? name} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={`${name}-error`} className={control} {...rest}>
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

export function TextAreaField({ label, name, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={rest.id ?? name} className="text-sm font-medium">
        {label}
      </label>
      <textarea id={rest.id ?? name} name={name} rows={3} aria-describedby={`${name}-error`} className={control} {...rest} />
      <Errors name={name} />
    </div>
  );
}

export function CheckboxField({ label, name, ...rest }: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name={name} id={rest.id ?? name} {...rest} /> {label}
      </label>
      <Errors name={name} />
    </div>
  );
}
