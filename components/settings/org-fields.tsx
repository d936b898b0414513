// The organization fields shared by the setup wizard and the admin settings page.
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ROUNDING_MINUTES } from "@/lib/validation/settings";

export interface OrgValues {
  name: string;
  timezone: string;
  currency: string;
  weekStart: string;
  roundingMinutes: string;
  roundingMode: string;
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEK_START = DAYS.map((d, i) => ({ value: String(i), label: d }));
const ROUNDING = ROUNDING_MINUTES.map((m) => ({ value: String(m), label: m === 0 ? "No rounding" : `${m} minutes` }));
const MODES = [
  { value: "nearest", label: "To the nearest" },
  { value: "up", label: "Up" },
  { value: "down", label: "Down" },
];

export function OrgFields({
  values,
  zones,
  errors,
}: {
  values: OrgValues;
  zones: string[];
  errors?: Record<string, string[]>;
}) {
  const zoneOptions = (zones.includes(values.timezone) ? zones : [values.timezone, ...zones]).map((z) => ({
    value: z,
    label: z,
  }));
  return (
    <>
      <Field
        label="Organization name"
        name="name"
        required
        maxLength={120}
        defaultValue={values.name}
        autoComplete="organization"
        errors={errors?.name}
      />
      <SelectField
        label="Time zone"
        name="timezone"
        options={zoneOptions}
        defaultValue={values.timezone}
        errors={errors?.timezone}
        hint="Used for days and weeks in reports unless a user sets their own."
      />
      <Field
        label="Currency"
        name="currency"
        required
        maxLength={3}
        defaultValue={values.currency}
        hint="Three-letter code, such as EUR or USD."
        errors={errors?.currency}
        className="w-32 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm uppercase dark:border-slate-600 dark:bg-slate-900"
      />
      <SelectField
        label="Week starts on"
        name="weekStart"
        options={WEEK_START}
        defaultValue={values.weekStart}
        errors={errors?.weekStart}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Round durations to"
          name="roundingMinutes"
          options={ROUNDING}
          defaultValue={values.roundingMinutes}
          errors={errors?.roundingMinutes}
        />
        <SelectField
          label="Rounding direction"
          name="roundingMode"
          options={MODES}
          defaultValue={values.roundingMode}
          errors={errors?.roundingMode}
        />
      </div>
    </>
  );
}
