// CSV cells: quoted when needed, and spreadsheet formulas neutralised (OWASP CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined, delimiter: string): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  if (s.includes(delimiter) || /["\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvLine(cells: (string | number | boolean | null | undefined)[], delimiter: string): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter) + "\r\n";
}
