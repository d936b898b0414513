// The organization fields shared by the setup wizard and the admin settings page. Their errors come
// from the surrounding FieldErrorsProvider.
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { ROUNDING_MINUTES } from "@/lib/validation/choices";

export interface OrgValues {
  name: string;
  timezone: string;
  currency: string;
  weekStart: string;
  roundingMinutes: string;
  roundingMode: string;
}

/** Sunday = 0, as in the settings' weekStart. */
const WEEK_DAYS = [0, 1, 2, 3, 4, 5, 6].map(String);

export function OrgFields({ values, zones }: { values: OrgValues; zones: string[] }) {
  const t = useTranslations("OrgFields");
  const weekStart = WEEK_DAYS.map((day) => ({ value: day, label: t("day", { day }) }));
  const rounding = ROUNDING_MINUTES.map((m) => ({ value: String(m), label: t("roundingOption", { minutes: m }) }));
  const modes = [
    { value: "nearest", label: t("nearest") },
    { value: "up", label: t("up") },
    { value: "down", label: t("down") },
  ];
  const zoneOptions = (zones.includes(values.timezone) ? zones : [values.timezone, ...zones]).map((z) => ({
    value: z,
    label: z,
  }));
  return (
    <>
      <TextField
        label={t("name")}
        name="name"
        required
        maxLength={120}
        defaultValue={values.name}
        autoComplete="organization"
      />
      <SelectField
        label={t("timezone")}
        name="timezone"
        options={zoneOptions}
        defaultValue={values.timezone}
        hint={t("timezoneHint")}
      />
      <TextField
        label={t("currency")}
        name="currency"
        required
        maxLength={3}
        defaultValue={values.currency}
        hint={t("currencyHint")}
        className="w-32 uppercase"
      />
      <SelectField label={t("weekStart")} name="weekStart" options={weekStart} defaultValue={values.weekStart} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("rounding")}
          name="roundingMinutes"
          options={rounding}
          defaultValue={values.roundingMinutes}
        />
        <SelectField
          label={t("mode")}
          name="roundingMode"
          options={modes}

          defaultValue={values.roundingMode}
        />
      </div>
    </>
  );
}
