// The organization fields shared by the setup wizard and the admin settings page. Their errors come
// from the surrounding FieldErrorsProvider.
import { SelectField, TextField } from "@/components/ui/field";
import { countLabel } from "@/lib/format";
import { ROUNDING_MINUTES } from "@/lib/validation/choices";

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
const ROUNDING = ROUNDING_MINUTES.map((m) => ({
  value: String(m),
  label: m === 0 ? "No rounding" : countLabel(m, "minute"),
}));
const MODES = [
  { value: "nearest", label: "To the nearest" },
  { value: "up", label: "Up" },
  { value: "down", label: "Down" },
];

export function OrgFields({ values, zones }: { values: OrgValues; zones: string[] }) {
  const zoneOptions = (zones.includes(values.timezone) ? zones : [values.timezone, ...zones]).map((z) => ({
    value: z,
    label: z,
  }));
  return (
    <>
      <TextField
        label="Organization name"
        name="name"
        required
        maxLength={120}
        defaultValue={values.name}
        autoComplete="organization"
      />
      <SelectField
        label="Time zone"
        name="timezone"
        options={zoneOptions}
        defaultValue={values.timezone}
        hint="Used for days and weeks in reports unless a user sets their own."
      />
      <TextField
        label="Currency"
        name="currency"
        required
        maxLength={3}
        defaultValue={values.currency}
        hint="Three-letter code, such as EUR or USD."
        className="w-32 uppercase"
      />
      <SelectField label="Week starts on" name="weekStart" options={WEEK_START} defaultValue={values.weekStart} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Round durations to"
          name="roundingMinutes"
          options={ROUNDING}
          defaultValue={values.roundingMinutes}
        />
        <SelectField
          label="Rounding direction"
          name="roundingMode"
          options={MODES}
          defaultValue={values.roundingMode}
        />
      </div>
    </>
  );
}
