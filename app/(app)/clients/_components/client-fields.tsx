// The client form's fields, shared by the create and edit forms.
import { useTranslations } from "next-intl";
import { TextAreaField, TextField } from "@/components/ui/field";
import type { ClientDto } from "@/lib/services/clients";

/** `money` false: no rate field (a member when the organization keeps money from members). */
export function ClientFields({ c, money = true }: { c?: ClientDto; money?: boolean }) {
  const t = useTranslations("ClientFields");
  return (
    <>
      {c && <input type="hidden" name="id" value={c.id} />}
      <TextField label={t("name")} name="name" required defaultValue={c?.name} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("contact")} name="contact" defaultValue={c?.contact} />
        <TextField label={t("email")} name="email" type="email" defaultValue={c?.email} />
        <TextField label={t("phone")} name="phone" defaultValue={c?.phone} />
        {money && (
          <TextField
            label={t("rate")}
            name="defaultHourlyRateCents"
            inputMode="decimal"
            hint={t("rateHint")}
            defaultValue={c?.defaultHourlyRateCents != null ? (c.defaultHourlyRateCents / 100).toFixed(2) : ""}
          />
        )}
      </div>
      <TextAreaField label={t("address")} name="address" defaultValue={c?.address} />
    </>
  );
}
