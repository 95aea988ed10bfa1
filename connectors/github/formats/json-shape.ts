import { z } from "zod";
import { parseFileWith, type InspectedFile } from "../../sdk";

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The list a response holds: a bare array, or `field` of `{ total_count, <field>: […] }`. */
export function listIn(json: unknown, field?: string): unknown[] | undefined {
  if (field === undefined) return Array.isArray(json) ? json : undefined;
  return isObject(json) && Array.isArray(json[field]) ? (json[field] as unknown[]) : undefined;
}

/** A non-empty list whose every item is an object passing `test`: an empty list says nothing about what it lists. */
export function everyItem(list: unknown[] | undefined, test: (item: Record<string, unknown>) => boolean): boolean {
  return list !== undefined && list.length > 0 && list.every((item) => isObject(item) && test(item));
}

/** Adds the `keyward` context to every item and validates them, reporting the first bad one by index. */
export function itemsWithContext(
  file: InspectedFile,
  list: unknown[],
  schema: z.ZodType,
  context: (item: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown>[] {
  const items = list.map((item) => ({ ...(item as Record<string, unknown>), keyward: context(item as Record<string, unknown>) }));
  parseFileWith(file, z.array(schema), items);
  return items;
}
