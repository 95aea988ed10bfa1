import { SdkError, toIsoTimestamp, type StreamPage } from "../../sdk";

/**
 * Keyward's own format arrives as files (and later through the push API), never by listing a
 * remote system. `list` must still exist; it throws rather than returning an empty page, because
 * an empty page from a "complete" listing would retire every record of the stream.
 */
export async function listOfflineOnly(): Promise<StreamPage> {
  throw new SdkError("offline_only", "Keyward-format sources are loaded with `keyward import`, not listed");
}

/** Drops keys whose value is null or undefined: records keep "not known" as an absent key. */
export function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null && field !== undefined) out[key] = field;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

/** Normalises a validated file timestamp (date or zoned date-time) to the record format. */
export function ts(value: string | null | undefined): string | undefined {
  return toIsoTimestamp(value ?? undefined);
}

/** Records have no "gone" status: only a sweep retires. A "gone" entry in an export loads nothing. */
export function isGone(entry: { status?: string | null }): boolean {
  return entry.status === "gone";
}

/** Where an owner named in a file came from, when the file does not say. */
export const DEFAULT_OWNER_PROVENANCE = "keyward.file";
