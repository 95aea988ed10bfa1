import { CELL_TYPES, FORMULA_LEAD } from "./csv-columns";

/** A JSON cell that does not parse; reported by column, never by content. */
export const INVALID_JSON = Symbol("invalid JSON");

/** Undoes the export's spreadsheet escaping: `'=SUM(…)` → `=SUM(…)`. */
export function unescapeCell(raw: string): string {
  return raw.startsWith("'") && FORMULA_LEAD.test(raw.slice(1)) ? raw.slice(1) : raw;
}

/**
 * Converts a cell to the JSON value of its field. Empty means absent. A cell of the wrong shape
 * is passed on as text, so the entry schema reports it with its usual message.
 */
export function cellValue(column: string, raw: string): unknown {
  const value = unescapeCell(raw);
  if (value === "") return undefined;
  switch (CELL_TYPES[column] ?? "text") {
    case "bool":
      return /^(true|false)$/i.test(value) ? value.toLowerCase() === "true" : value;
    case "int":
      return /^-?\d{1,15}$/.test(value) ? Number(value) : value;
    case "json":
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return INVALID_JSON;
      }
    default:
      return value;
  }
}

/** Sets `owner.email` → `{ owner: { email } }` on `target`. */
export function setDotted(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const [head, ...rest] = dotted.split(".");
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  setDotted(child, rest.join("."), value);
}
