/**
 * Leading characters that make a spreadsheet evaluate a cell (OWASP "CSV injection"): = + - @,
 * tab and carriage return — and `'` itself, so that the escape can be undone exactly on import.
 */
const FORMULA_LEAD = /^['=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell: null/undefined empty, objects as JSON, booleans and numbers as text. A cell that
 * a spreadsheet would run as a formula gets a leading `'` (Keyward's CSV import removes it).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (FORMULA_LEAD.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Reads `owner.email` from `{ owner: { email } }`. */
export function dottedValue(entry: unknown, dotted: string): unknown {
  let node = entry;
  for (const key of dotted.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
