/*
 * The one CSV cell writer of every Keyward CSV (inventory export, "export selection", findings,
 * evidence pack). Spreadsheet-safe per OWASP "CSV Injection" and ASVS 5 V1.2.10:
 *
 * - A cell that a spreadsheet would evaluate gets a leading `'` (Excel, LibreOffice and Sheets show
 *   it as "treat as text" and hide it). Evaluated means: it starts with `=`, `+`, `-`, `@`, TAB, CR,
 *   LF or NUL — or with whitespace followed by `=`, `+`, `-` or `@`, because LibreOffice's "Trim
 *   spaces" and Google Sheets' import strip leading blanks before deciding a cell is a formula.
 * - A cell that already starts with `'` gets another one, so the guard can be undone exactly:
 *   Keyward's CSV import removes one `'` in front of exactly these leads
 *   (connectors/keyward/formats/csv-cells.ts, `unescapeCell`).
 * - RFC 4180 quoting: a cell holding `"`, `,`, CR or LF is wrapped in `"` with `"` doubled, so a
 *   payload can never break out of its cell (`,=1+1` stays one cell).
 */

/** Leads that make a spreadsheet evaluate (or shift) a cell; see the comment above. */
export const FORMULA_TRIGGER = /^(?:['=+\-@\t\r\n\0]|[\s\0]+[=+\-@])/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The cell's text with the formula guard applied, before RFC 4180 quoting. */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell: null/undefined empty, objects as JSON, booleans and numbers as text, then the
 * formula guard and RFC 4180 quoting.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = neutraliseCell(typeof value === "object" ? JSON.stringify(value) : String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CRLF-terminated CSV row (RFC 4180 line ends). */
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
