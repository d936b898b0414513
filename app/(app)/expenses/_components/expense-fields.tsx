// The fields of an expense, for the "record" form and each row's edit form (inside an ActionForm,
// which shows each field's error next to it).
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";

export interface ExpenseFieldValues {
  date: string;
  projectId: string;
  category: string;
  description: string;
  amount: string;
  taxRateId: string;
  billable: boolean;
}

export interface ExpenseFieldLabels {
  date: string;
  project: string;
  chooseProject: string;
  category: string;
  categoryHint: string;
  description: string;
  amount: string;
  amountHint: string;
  taxRate: string;
  noTax: string;
  billable: string;
}

export function ExpenseFields({
  values,
  labels,
  projects,
  taxRates,
  categoriesListId,
}: {
  values: ExpenseFieldValues;
  labels: ExpenseFieldLabels;
  projects: { value: string; label: string }[];
  taxRates: { value: string; label: string }[];
  /** The id of the page's one <datalist> of earlier categories. */
  categoriesListId: string;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <TextField label={labels.date} name="date" type="date" defaultValue={values.date} required />
      <SelectField
        label={labels.project}
        name="projectId"
        options={projects}
        placeholder={labels.chooseProject}
        defaultValue={values.projectId}
        required
      />
      <TextField
        label={labels.amount}
        name="amount"
        inputMode="decimal"
        hint={labels.amountHint}
        defaultValue={values.amount}
        maxLength={24}
        required
      />
      <TextField
        label={labels.category}
        name="category"
        list={categoriesListId}
        hint={labels.categoryHint}
        defaultValue={values.category}
        maxLength={60}
      />
      <TextField label={labels.description} name="description" defaultValue={values.description} maxLength={500} />
      <SelectField
        label={labels.taxRate}
        name="taxRateId"
        options={taxRates}
        placeholder={labels.noTax}
        defaultValue={values.taxRateId}
      />
      <CheckboxField label={labels.billable} name="billable" defaultChecked={values.billable} />
    </div>
  );
}
