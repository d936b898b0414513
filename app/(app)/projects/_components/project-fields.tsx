// The project form's fields, shared by the create and edit forms.
import { useTranslations } from "next-intl";
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
  const t = useTranslations("ProjectFields");
  return (
    <>
      {p && <input type="hidden" name="id" value={p.id} />}
      <SelectField
        label={t("client")}
        name="clientId"
        placeholder={t("clientPlaceholder")}
        defaultValue={p?.clientId ?? ""}
        options={clients
          .filter((c) => !c.archived || c.id === p?.clientId)
          .map((c) => ({ value: c.id, label: c.name }))}
      />
      <TextField label={t("name")} name="name" required defaultValue={p?.name} />
      <TextAreaField label={t("description")} name="description" defaultValue={p?.description} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("color")} name="color" type="color" defaultValue={p?.color ?? "#2563eb"} />
        {showMoney && (
          <TextField
            label={t("rate")}
            name="hourlyRateCents"
            inputMode="decimal"
            hint={t("rateHint")}
            defaultValue={money(p?.hourlyRateCents)}
          />
        )}
        <TextField label={t("billingReference")} name="billingReference" defaultValue={p?.billingReference} />
        <TextField
          label={t("estimate")}
          name="estimatedMinutes"
          hint={t("estimateHint")}
          defaultValue={p?.estimatedMinutes != null ? formatHm(p.estimatedMinutes * 60) : ""}
        />
        {showMoney && (
          <TextField label={t("budget")} name="budgetCents" inputMode="decimal" defaultValue={money(p?.budgetCents)} />
        )}
        <TextField
          label={t("budgetAlert")}
          name="budgetAlertPercent"
          type="number"
          min={1}
          max={100}
          defaultValue={p?.budgetAlertPercent ?? 80}
        />
      </div>
      <CheckboxField label={t("billable")} name="billable" defaultChecked={p?.billable ?? true} />
    </>
  );
}
