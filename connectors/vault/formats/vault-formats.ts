import type { z } from "zod";
import { defineFormat, parseFileWith, type FormatDefinition, type InspectedFile } from "../../sdk";
import { approleRoleItemSchema, kvMetadataItemSchema, mountItemSchema, secretIdItemSchema, tokenItemSchema } from "../schemas";
import { mountItemsOf } from "../streams/mounts";
import { mountKindOf } from "../transform/mount-records";
import { envelopeData, envelopesMatching, hasKeys, isObject, type JsonObject } from "./envelope";
import { kvPathOfMetadataFile, rolePathOfRoleFile, rolePathOfSecretIdFile } from "./import-path";

/*
 * Saved Vault API answers, recognised by the shape of the envelope's `data` (the envelope never
 * names its endpoint; see docs/connectors/vault.md, "Offline import"):
 *
 * - sys/auth: a map of mounts (`"<path>/": { "type", … }`) holding the `token` method;
 * - sys/mounts: a map of mounts holding one of the built-in engines `system`, `cubbyhole`, `identity`;
 * - an AppRole read: `secret_id_ttl` with `token_policies` or `bind_secret_id`;
 * - a secret-id accessor lookup: `secret_id_accessor` with `secret_id_num_uses` or `expiration_time`;
 * - a token lookup(-accessor): `accessor`, `policies` and a numeric `creation_time`;
 * - a KV v2 metadata read: `current_version`, `versions` and `created_time`;
 * - a LIST answer: `data` holding only `keys` — recognised so it is not reported unknown, but it
 *   carries no metadata and yields nothing (the reads and lookups do).
 *
 * Offline files are read as the root namespace's; the live sync is needed for other namespaces.
 */

/** Offline items carry no observation time and no environment: the source's config is not at hand. */
const OFFLINE_CONTEXT = { namespace: "" } as const;

/** Built-in secrets engines present in every namespace's sys/mounts and never in sys/auth. */
const BUILT_IN_ENGINES = new Set(["system", "cubbyhole", "identity"]);

function mountTypes(data: JsonObject): string[] | undefined {
  const entries = Object.entries(data);
  if (
    entries.length === 0 ||
    !entries.every(([path, entry]) => path.endsWith("/") && isObject(entry) && typeof entry.type === "string")
  ) {
    return undefined;
  }
  return entries.map(([, entry]) => String((entry as JsonObject).type));
}

const isAuthTable = (data: JsonObject) => mountTypes(data)?.includes("token") === true;
const isEngineTable = (data: JsonObject) => mountTypes(data)?.some((type) => BUILT_IN_ENGINES.has(type)) === true;
const isApproleRole = (data: JsonObject) => "secret_id_ttl" in data && ("token_policies" in data || "bind_secret_id" in data);
const isSecretIdLookup = (data: JsonObject) =>
  typeof data.secret_id_accessor === "string" && ("secret_id_num_uses" in data || "expiration_time" in data);
const isTokenLookup = (data: JsonObject) => hasKeys(data, "accessor", "policies") && typeof data.creation_time === "number";
const isKvMetadata = (data: JsonObject) =>
  hasKeys(data, "current_version", "versions", "created_time") && isObject(data.versions);
const isListAnswer = (data: JsonObject) => Object.keys(data).length === 1 && Array.isArray(data.keys);

/** Validates every item, reporting the first bad one by its index. */
function validated(file: InspectedFile, schema: z.ZodType, items: JsonObject[]): JsonObject[] {
  items.forEach((item) => parseFileWith(file, schema, item));
  return items;
}

function mountTableFormat(id: string, description: string, kind: "auth" | "secret", matches: (data: JsonObject) => boolean) {
  return defineFormat({
    id,
    description,
    detect: (file) => {
      const data = envelopeData(file.json);
      return data !== undefined && matches(data);
    },
    parse(file) {
      const items = mountItemsOf(kind, envelopeData(file.json) ?? {}).map((mount) => ({ ...mount, keyward: OFFLINE_CONTEXT }));
      return [{ stream: "mounts", items: validated(file, mountItemSchema, items) }];
    },
  });
}

export const authMountsFormat = mountTableFormat(
  "vault.sys-auth",
  "GET sys/auth (auth methods), as saved by curl or vault read -format=json",
  "auth",
  isAuthTable,
);
export const engineMountsFormat = mountTableFormat(
  "vault.sys-mounts",
  "GET sys/mounts (secrets engines), as saved by curl or vault read -format=json",
  "secret",
  isEngineTable,
);

export const approleRoleFormat = defineFormat({
  id: "vault.approle-role",
  description: "GET auth/<mount>/role/<name> saved as auth/<mount>/role/<name>.json",
  detect: (file) => {
    const data = envelopeData(file.json);
    return data !== undefined && isApproleRole(data);
  },
  parse(file) {
    const rolePath = rolePathOfRoleFile(file.path);
    const item = { ...envelopeData(file.json), keyward: { ...OFFLINE_CONTEXT, rolePath } };
    const mountPath = rolePath.slice(0, rolePath.lastIndexOf("role/"));
    return [
      {
        stream: "approle-roles",
        parent: { stream: "mounts", id: mountPath, name: mountKindOf({ kind: "auth", type: "approle" }) },
        items: validated(file, approleRoleItemSchema, [item]),
      },
    ];
  },
});

export const secretIdLookupFormat = defineFormat({
  id: "vault.approle-secret-id-lookup",
  description:
    "POST auth/<mount>/role/<name>/secret-id-accessor/lookup answers (one, or an array), saved under auth/<mount>/role/<name>/secret-id/",
  detect: (file) => envelopesMatching(file.json, isSecretIdLookup) !== undefined,
  parse(file) {
    const rolePath = rolePathOfSecretIdFile(file.path);
    const items = (envelopesMatching(file.json, isSecretIdLookup) ?? []).map((data) => ({
      ...data,
      keyward: { ...OFFLINE_CONTEXT, rolePath },
    }));
    return [
      {
        stream: "approle-secret-ids",
        parent: { stream: "approle-roles", id: rolePath },
        items: validated(file, secretIdItemSchema, items),
      },
    ];
  },
});

export const tokenLookupFormat = defineFormat({
  id: "vault.token-lookup",
  description: "POST auth/token/lookup-accessor answers (one, or an array), e.g. vault token lookup -accessor <a> -format=json",
  detect: (file) => envelopesMatching(file.json, isTokenLookup) !== undefined,
  parse(file) {
    const items = (envelopesMatching(file.json, isTokenLookup) ?? []).map((data) => ({ ...data, keyward: OFFLINE_CONTEXT }));
    return [{ stream: "tokens", items: validated(file, tokenItemSchema, items) }];
  },
});

export const kvMetadataFormat = defineFormat({
  id: "vault.kv-metadata",
  description: "GET <mount>/metadata/<path> (KV version 2) saved as <mount>/metadata/<path>.json",
  detect: (file) => {
    const data = envelopeData(file.json);
    return data !== undefined && isKvMetadata(data);
  },
  parse(file) {
    const { mount, path } = kvPathOfMetadataFile(file.path);
    const item = { ...envelopeData(file.json), keyward: { ...OFFLINE_CONTEXT, mount, path } };
    return [
      {
        stream: "kv-secrets",
        parent: { stream: "mounts", id: mount, name: "kv-v2" },
        items: validated(file, kvMetadataItemSchema, [item]),
      },
    ];
  },
});

export const listAnswerFormat = defineFormat({
  id: "vault.list",
  description:
    "a LIST answer ({ data: { keys } }): recognised, but it names objects without describing them, so it yields nothing",
  detect: (file) => {
    const data = envelopeData(file.json);
    return data !== undefined && isListAnswer(data);
  },
  parse: () => [],
});

export const vaultFormats: readonly FormatDefinition[] = [
  authMountsFormat,
  engineMountsFormat,
  approleRoleFormat,
  secretIdLookupFormat,
  tokenLookupFormat,
  kvMetadataFormat,
  listAnswerFormat,
];
