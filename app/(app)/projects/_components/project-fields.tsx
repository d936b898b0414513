// The project form's fields, shared by the create and edit forms.
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { ClientDto } from "@/lib/services/clients";
import type { ProjectDto } from "@/lib/services/projects";
import { formatHm } from "@/lib/time/duration-parse";

const money = (c: number | null | undefined) => (c != null ? (c / 100).toFixed(2) : "");

/** `showMoney` false: no rate or budget fields (a member when the organization keeps money from members). */
export function ProjectFields({
  p,
  clients,
  showMoney = true,
}: {
  p?: ProjectDto;
  clients: ClientDto[];
  showMoney?: boolean;
}) {
  return (
    <>
      {p && <input type="hidden" name="id" value={p.id} />}
      <SelectField
        label="Client"
        name="clientId"
        placeholder="Choose a client"
        defaultValue={p?.clientId ?? ""}
        options={clients
          .filter((c) => !c.archived || c.id === p?.clientId)
          .map((c) => ({ value: c.id, label: c.name }))}
      />
      <TextField label="Project name" name="name" required defaultValue={p?.name} />
      <TextAreaField label="Description" name="description" defaultValue={p?.description} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Colour" name="color" type="color" defaultValue={p?.color ?? "#2563eb"} />
        {showMoney && (
          <TextField
            label="Hourly rate"
            name="hourlyRateCents"
            inputMode="decimal"
            hint="Empty: the client's default rate."
            defaultValue={money(p?.hourlyRateCents)}
          />
        )}
        <TextField label="Billing reference" name="billingReference" defaultValue={p?.billingReference} />
        <TextField
          label="Estimate"
          name="estimatedMinutes"
          hint="Such as 120h, 7h 30m or 1.5 (hours)."
          defaultValue={p?.estimatedMinutes != null ? formatHm(p.estimatedMinutes * 60) : ""}
        />
        {showMoney && (
          <TextField
            label="Budget amount"
            name="budgetCents"
            inputMode="decimal"
            defaultValue={money(p?.budgetCents)}
          />
        )}
        <TextField
          label="Budget alert at (%)"
          name="budgetAlertPercent"
          type="number"
          min={1}
          max={100}
          defaultValue={p?.budgetAlertPercent ?? 80}
        />
      </div>
      <CheckboxField label="Billable by default" name="billable" defaultChecked={p?.billable ?? true} />
    </>
  );
}
