// The client form's fields, shared by the create and edit forms.
import { TextAreaField, TextField } from "@/components/ui/field";
import type { ClientDto } from "@/lib/services/clients";

/** `money` false: no rate field (a member when the organization keeps money from members). */
export function ClientFields({ c, money = true }: { c?: ClientDto; money?: boolean }) {
  return (
    <>
      {c && <input type="hidden" name="id" value={c.id} />}
      <TextField label="Name" name="name" required defaultValue={c?.name} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Contact person" name="contact" defaultValue={c?.contact} />
        <TextField label="Email" name="email" type="email" defaultValue={c?.email} />
        <TextField label="Phone" name="phone" defaultValue={c?.phone} />
        {money && (
          <TextField
            label="Default hourly rate"
            name="defaultHourlyRateCents"
            inputMode="decimal"
            hint="Used when a project has no rate of its own."
            defaultValue={c?.defaultHourlyRateCents != null ? (c.defaultHourlyRateCents / 100).toFixed(2) : ""}
          />
        )}
      </div>
      <TextAreaField label="Address" name="address" defaultValue={c?.address} />
    </>
  );
}
