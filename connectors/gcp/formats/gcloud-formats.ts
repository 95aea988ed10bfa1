import { z } from "zod";
import { defineFormat, parseFileWith, type FormatBatch, type FormatDefinition, type InspectedFile } from "../../sdk";
import {
  iamPolicyItemSchema,
  SERVICE_ACCOUNT_KEY_NAME,
  SERVICE_ACCOUNT_NAME,
  serviceAccountItemSchema,
  serviceAccountKeyItemSchema,
} from "../schemas";
import { projectIdOfPolicyFile } from "./project-path";

/*
 * What `gcloud … --format=json` prints (a JSON array of the API's items, or the policy object),
 * and the API responses themselves (`{ "accounts": […] }`, `{ "keys": […] }`) for people who
 * save those with curl. Recognised by content: resource names of the documented shapes. An empty
 * list (`[]`) says nothing about what it lists and is left unrecognised.
 */

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The list a file holds: a gcloud array, or the API response's `field`. */
function listIn(json: unknown, field: string): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (isObject(json) && Array.isArray(json[field])) return json[field] as unknown[];
  return undefined;
}

function everyNamed(list: unknown[] | undefined, pattern: RegExp, marker: string): boolean {
  return (
    list !== undefined &&
    list.length > 0 &&
    list.every((item) => isObject(item) && typeof item.name === "string" && pattern.test(item.name) && marker in item)
  );
}

/** Validates every item of a list, reporting the first bad one by its index. */
function itemsOf(file: InspectedFile, field: string, schema: z.ZodType): Record<string, unknown>[] {
  const list = listIn(file.json, field) ?? [];
  parseFileWith(file, z.array(schema), list);
  return list as Record<string, unknown>[];
}

export const serviceAccountsFormat = defineFormat({
  id: "gcp.gcloud-service-accounts",
  description: "gcloud iam service-accounts list --format=json (or the serviceAccounts.list response)",
  detect: (file) => everyNamed(listIn(file.json, "accounts"), SERVICE_ACCOUNT_NAME, "email"),
  parse: (file) => [{ stream: "service-accounts", items: itemsOf(file, "accounts", serviceAccountItemSchema) }],
});

export const serviceAccountKeysFormat = defineFormat({
  id: "gcp.gcloud-service-account-keys",
  description: "gcloud iam service-accounts keys list --iam-account=… --format=json (or the keys.list response)",
  detect: (file) => everyNamed(listIn(file.json, "keys"), SERVICE_ACCOUNT_KEY_NAME, "keyType"),
  parse(file) {
    // One batch per account, as the live listing has one unit per account (its parent).
    const byAccount = new Map<string, Record<string, unknown>[]>();
    for (const key of itemsOf(file, "keys", serviceAccountKeyItemSchema)) {
      const account = SERVICE_ACCOUNT_KEY_NAME.exec(String(key.name))?.[2]?.toLowerCase() ?? "";
      byAccount.set(account, [...(byAccount.get(account) ?? []), key]);
    }
    return [...byAccount].map(
      ([account, items]): FormatBatch => ({ stream: "service-account-keys", parent: { stream: "service-accounts", id: account }, items }),
    );
  },
});

/** Top-level fields of an IAM `Policy`; `etag` is always present, `bindings` not when empty. */
const POLICY_FIELDS = new Set(["bindings", "etag", "version", "auditConfigs"]);

function looksLikePolicy(json: unknown): boolean {
  if (!isObject(json) || typeof json.etag !== "string") return false;
  if (!Object.keys(json).every((key) => POLICY_FIELDS.has(key))) return false;
  const bindings = json.bindings ?? [];
  return Array.isArray(bindings) && bindings.every((b) => isObject(b) && typeof b.role === "string" && Array.isArray(b.members));
}

export const projectIamPolicyFormat = defineFormat({
  id: "gcp.gcloud-project-iam-policy",
  description: "gcloud projects get-iam-policy <project> --format=json, saved as <project>.json or <project>/iam-policy.json",
  detect: (file) => looksLikePolicy(file.json),
  parse(file) {
    const item = { ...(file.json as Record<string, unknown>), keyward: { projectId: projectIdOfPolicyFile(file.path) } };
    parseFileWith(file, iamPolicyItemSchema, item);
    return [{ stream: "project-iam", items: [item] }];
  },
});

export const gcloudFormats: readonly FormatDefinition[] = [serviceAccountsFormat, serviceAccountKeysFormat, projectIamPolicyFormat];
