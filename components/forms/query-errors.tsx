// The messages a page shows about its own query string (a hand-edited or stale link): one line per
// refused field, which the page replaced by its default (lib/validation/search-params.ts).
import { useTranslations } from "next-intl";

/** The query fields with a name in the catalog (QueryErrors.fields); any other is shown as it is. */
const FIELDS = [
  "from",
  "to",
  "week",
  "cursor",
  "clientId",
  "projectId",
  "taskId",
  "userId",
  "tag",
  "billable",
  "group1",
  "group2",
] as const;
const known = (f: string): f is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(f);

export function QueryErrors({ fieldErrors }: { fieldErrors: Record<string, string[]> }) {
  const t = useTranslations("QueryErrors");
  const fields = Object.entries(fieldErrors);
  if (!fields.length) return null;
  return (
    <ul role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400" data-testid="query-errors">
      {fields.map(([field, messages]) => (
        <li key={field} data-field-error={field}>
          {t("line", { field: known(field) ? t(`fields.${field}`) : field, message: messages[0] })}
        </li>
      ))}
    </ul>
  );
}
