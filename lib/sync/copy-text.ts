import "server-only";

/*
 * Encoding of values for PostgreSQL's COPY text format. Every text value passes through here, so
 * this is also where values PostgreSQL cannot store are refused per record (an item error) rather
 * than failing a whole COPY chunk: NUL (text and jsonb cannot hold U+0000) and lone UTF-16
 * surrogates (jsonb rejects them; text would silently turn them into U+FFFD).
 * This runs for every field of every record, so the common case (nothing to escape) is kept to
 * one regex test and one native well-formedness check.
 */

/** A value of a record that cannot be stored as it is; names the field, never the value. */
export class RecordEncodingError extends Error {
  readonly code = "RECORD_ENCODING";
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** COPY's NULL marker. */
export const COPY_NULL = "\\N";

const SPECIAL = /[\\\t\n\r\0]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

// Node 20 has String.prototype.isWellFormed; TypeScript's ES2023 lib does not declare it yet.
type WellFormed = { isWellFormed(): boolean };
const wellFormed = (value: string) => (value as unknown as WellFormed).isWellFormed();

/** A text value for COPY: checked, then backslash, tab, newline and carriage return escaped. */
export function copyText(value: string, field: string): string {
  if (!wellFormed(value)) throw new RecordEncodingError(field, "is not valid Unicode (lone surrogate)");
  if (!SPECIAL.test(value)) return value;
  if (value.includes("\0")) throw new RecordEncodingError(field, "contains a NUL character");
  return value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!);
}

/** An optional text value: undefined/null become NULL. */
export function copyOptional(value: string | null | undefined, field: string): string {
  return value === undefined || value === null ? COPY_NULL : copyText(value, field);
}

export function copyBoolean(value: boolean | null | undefined): string {
  return value === undefined || value === null ? COPY_NULL : value ? "t" : "f";
}

const INT4_MAX = 2_147_483_647;

/** An `integer` column: refused per record when out of range, instead of failing the COPY. */
export function copyInt4(value: number | undefined, field: string): string {
  if (value === undefined) return COPY_NULL;
  if (!Number.isSafeInteger(value) || value > INT4_MAX || value < -INT4_MAX - 1) {
    throw new RecordEncodingError(field, "is outside the range of a 32-bit integer");
  }
  return String(value);
}

/** True when every object in `value` already has its keys in sorted order (the usual case). */
function isSorted(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) return value.every(isSorted);
  let previous = "";
  let first = true;
  for (const key in value) {
    if (!first && key < previous) return false;
    if (!isSorted((value as Record<string, unknown>)[key])) return false;
    previous = key;
    first = false;
  }
  return true;
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedCopy((value as Record<string, unknown>)[key]);
  return out;
}

/** An escaped NUL or lone surrogate in JSON text, not preceded by an escaping backslash. */
const BAD_JSON_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

const hasBadEscape = (json: string) => json.includes("\\u") && BAD_JSON_ESCAPE.test(json);

/**
 * Canonical JSON (object keys sorted at every level): the same record always serialises to the
 * same text, so its content hash does not change when a provider reorders keys. JSON.stringify
 * escapes NUL and lone surrogates, which is how they are found without walking every string.
 */
export function canonicalJson(value: unknown, field: string): string {
  const json = JSON.stringify(isSorted(value) ? value : sortedCopy(value)) ?? "null";
  if (hasBadEscape(json)) throw new RecordEncodingError(field, "contains a NUL character or invalid Unicode");
  return json;
}

/** A jsonb value for COPY. JSON text never holds raw tabs or newlines, only backslash escapes. */
export function copyJson(value: unknown, field: string): string {
  if (value === undefined) return COPY_NULL;
  const json = canonicalJson(value, field);
  return json.includes("\\") ? json.replace(/\\/g, "\\\\") : json;
}

/**
 * Many values as one canonical JSON array, escaped for COPY: one native JSON.stringify per
 * record instead of one escape per field. `fields` names the values for error messages.
 * Mutates `values` (objects are replaced by sorted copies where needed).
 */
export function jsonPayload(values: unknown[], fields: readonly string[]): string {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === "object" && value !== null && !isSorted(value)) values[i] = sortedCopy(value);
  }
  const json = JSON.stringify(values);
  if (hasBadEscape(json)) {
    const at = values.findIndex((value) => hasBadEscape(JSON.stringify(value) ?? ""));
    throw new RecordEncodingError(fields[at] ?? "(record)", "contains a NUL character or invalid Unicode");
  }
  return json.includes("\\") ? json.replace(/\\/g, "\\\\") : json;
}
