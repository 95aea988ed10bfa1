/*
 * Vault's response envelope, as `curl …/v1/<path>` and `vault read|write -format=json` save it:
 * `{ "request_id", "lease_id", "lease_duration", "renewable", "data", "wrap_info", "warnings",
 * "auth", "mount_type" }`. The envelope never says which endpoint answered; the shape of `data`
 * does (see the detectors), and the file's path supplies what the data does not name.
 */

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The `data` of a Vault response envelope, or undefined when `json` is not one. */
export function envelopeData(json: unknown): JsonObject | undefined {
  if (!isObject(json) || !isObject(json.data)) return undefined;
  return "request_id" in json || "lease_id" in json ? json.data : undefined;
}

/**
 * The `data` of every envelope in a file: one envelope, or an array of them (lookups saved
 * together, e.g. with `jq -s`). Undefined unless every element is an envelope passing `matches`.
 */
export function envelopesMatching(json: unknown, matches: (data: JsonObject) => boolean): JsonObject[] | undefined {
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) return undefined;
  const datas = list.map(envelopeData);
  return datas.every((data): data is JsonObject => data !== undefined && matches(data)) ? datas : undefined;
}

export const hasKeys = (data: JsonObject, ...keys: string[]): boolean => keys.every((key) => key in data);
