import type { InspectedFile } from "../../sdk";

/** The file's top-level JSON object, or undefined (arrays, CSV, text). */
export function objectOf(file: InspectedFile): Record<string, unknown> | undefined {
  const json = file.json;
  return json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

/** True when `key` holds an array whose first element (if any) has every one of `fields`. */
export function hasListOf(object: Record<string, unknown> | undefined, key: string, fields: readonly string[]): boolean {
  const list = object?.[key];
  if (!Array.isArray(list)) return false;
  const first: unknown = list[0];
  return first === undefined || (typeof first === "object" && first !== null && fields.every((f) => Object.hasOwn(first, f)));
}

/** Keys of the object other than the pagination keys the CLI may print. */
export function payloadKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).filter((k) => !["IsTruncated", "Marker", "NextToken"].includes(k));
}

export const importedAt = () => new Date().toISOString();
