"use client";
// The one form-field primitive: label, control, optional hint and an aria-live error region, wired
// with aria-describedby/aria-invalid. Errors come from the `errors` prop or, inside a
// FieldErrorsProvider (ActionForm is one), from the form's last result.
import {
  createContext,
  useContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type ErrorMap = Record<string, string[] | undefined>;
const FieldContext = createContext<{ errors: ErrorMap; prefix: string }>({ errors: {}, prefix: "" });

/** Hands field errors to the fields inside; a prefix keeps ids unique when two forms share a page. */
export function FieldErrorsProvider({
  errors,
  prefix = "",
  children,
}: {
  errors?: ErrorMap;
  prefix?: string;
  children: ReactNode;
}) {
  return <FieldContext.Provider value={{ errors: errors ?? {}, prefix }}>{children}</FieldContext.Provider>;
}

export interface FieldProps {
  label: string;
  name: string;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
}

/** What a control needs from its field: id, name and the accessibility wiring. */
export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby": string;
}

const CONTROL = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";
const controlClass = (extra?: string) => (extra ? `${CONTROL} ${extra}` : CONTROL);

export function Field({
  label,
  name,
  hint,
  errors,
  id: idProp,
  inline = false,
  children,
}: FieldProps & { inline?: boolean; children: (control: ControlProps) => ReactNode }) {
  const ctx = useContext(FieldContext);
  const id = idProp ?? (ctx.prefix ? `${ctx.prefix}-${name}` : name);
  const shown = errors ?? ctx.errors[name];
  const control: ControlProps = {
    id,
    name,
    "aria-invalid": shown?.length ? true : undefined,
    "aria-describedby": `${hint ? `${id}-hint ` : ""}${id}-error`,
  };
  return (
    <div className="flex flex-col gap-1">
      {inline ? (
        // A checkbox sits inside its label, so the whole line is the click target.
        <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
          {children(control)} {label}
        </label>
      ) : (
        <>
          <label htmlFor={id} className="text-sm font-medium">
            {label}
          </label>
          {children(control)}
        </>
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {shown?.join(" ")}
      </p>
    </div>
  );
}

function splitField<T extends FieldProps>({ label, name, hint, errors, id, ...rest }: T) {
  return [{ label, name, hint, errors, id }, rest] as const;
}

export function TextField({ className, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const [field, input] = splitField(props);
  return <Field {...field}>{(c) => <input {...c} {...input} className={controlClass(className)} />}</Field>;
}

export function TextAreaField({
  className,
  rows = 3,
  ...props
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const [field, textarea] = splitField(props);
  return (
    <Field {...field}>{(c) => <textarea {...c} rows={rows} {...textarea} className={controlClass(className)} />}</Field>
  );
}

export function SelectField({
  className,
  options,
  placeholder,
  ...props
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: readonly { value: string; label: string }[];
    /** An empty first option, e.g. "Choose a project" or "Nobody". */
    placeholder?: string;
  }) {
  const [field, select] = splitField(props);
  return (
    <Field {...field}>
      {(c) => (
        <select {...c} {...select} className={controlClass(className)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const [field, input] = splitField(props);
  return (
    <Field {...field} inline>
      {(c) => <input type="checkbox" {...c} {...input} />}
    </Field>
  );
}
