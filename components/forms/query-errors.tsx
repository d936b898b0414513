// The messages a page shows about its own query string (a hand-edited or stale link): one line per
// refused field, which the page replaced by its default (lib/validation/search-params.ts).
import { QUERY_FIELD_LABELS } from "@/lib/validation/search-params";

export function QueryErrors({ fieldErrors }: { fieldErrors: Record<string, string[]> }) {
  const fields = Object.entries(fieldErrors);
  if (!fields.length) return null;
  return (
    <ul role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400" data-testid="query-errors">
      {fields.map(([field, messages]) => (
        <li key={field} data-field-error={field}>
          {QUERY_FIELD_LABELS[field] ?? field}: {messages[0]} The default is shown instead.
        </li>
      ))}
    </ul>
  );
}
