// A data table: responsive (scrolls sideways on narrow screens), a caption for screen readers and
// one header style. Rows stay with the page that knows what they hold.
import type { ReactNode } from "react";

/** A header cell: its text, or the text with options (a className replaces the default right
 * padding); a falsy entry leaves a conditional column out. */
export type Column = string | { label: string; srOnly?: boolean; className?: string } | false | null | undefined;

export function Table({
  caption,
  columns,
  footer,
  testId,
  className = "",
  children,
}: {
  /** Names the table for screen readers (shown to them only). */
  caption: string;
  columns: Column[];
  /** A <tfoot> row or rows, e.g. totals. */
  footer?: ReactNode;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // A region that may scroll sideways is reachable by keyboard (tabIndex) and named for screen
    // readers; `relative` keeps the visually hidden caption and headers inside it, so they never
    // widen the page on a phone.
    <div role="region" aria-label={caption} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300 dark:border-slate-700">
          <tr>
            {columns.map((c, i) => {
              if (!c) return null;
              const col = typeof c === "string" ? { label: c } : c;
              return (
                <th key={i} scope="col" className={`py-2 ${col.className ?? "pr-4"}`}>
                  {col.srOnly ? <span className="sr-only">{col.label}</span> : col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}
