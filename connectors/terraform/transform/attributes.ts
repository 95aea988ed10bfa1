import { toIsoTimestamp } from "../../sdk";

type Attributes = Readonly<Record<string, unknown>>;

/** A non-empty string attribute, else undefined (Terraform writes null or "" for unset values). */
export function text(attributes: Attributes, name: string): string | undefined {
  const value = attributes[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function integer(attributes: Attributes, name: string): number | undefined {
  const value = attributes[name];
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * A provider date as a record timestamp. A malformed date is dropped rather than failing the
 * whole state: the credential's presence matters more than one of its dates.
 */
export function timestamp(attributes: Attributes, name: string): string | undefined {
  try {
    return toIsoTimestamp(text(attributes, name));
  } catch {
    return undefined;
  }
}

/** Drops undefined members: record attributes must be JSON, and JSON has no undefined. */
export function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
