import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Saved Vault API answers under ./vault, laid out as their API paths (the import root is the
 * `/v1/` root), written from the documented responses of sys/auth, sys/mounts, the AppRole
 * role read and secret-id accessor lookup, LIST auth/token/accessors, auth/token/lookup-accessor
 * and the KV v2 metadata read. Accessors and ids are made up; no file holds a token or secret id.
 */

export const ROOT_TOKEN_ACCESSOR = "476ea048-ded5-4d07-eeea-938c6b4e43ec";
export const APPROLE_TOKEN_ACCESSOR = "bb00c093-b7d3-b0e9-69cc-c4d85081165b";
export const LDAP_TOKEN_ACCESSOR = "8609694a-cdbc-db9b-d345-e782dbb562ed";
export const NEVER_EXPIRING_SECRET_ID = "84896a0c-1347-aa90-a4f6-aca8b7558780";
export const EXPIRING_SECRET_ID = "2be5c6a1-90d3-4f7e-b812-6a0d4c3e9f15";

const root = fileURLToPath(new URL("./vault/", import.meta.url));

/** Every saved answer, with its path relative to the vault folder (the import root in tests). */
export const vaultFiles: { path: string; content: string }[] = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const full = join(entry.parentPath, entry.name);
    return { path: relative(root, full).split("\\").join("/"), content: readFileSync(full, "utf8") };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

export function vaultText(path: string): string {
  const file = vaultFiles.find((f) => f.path === path);
  if (!file) throw new Error(`no vault fixture ${path}`);
  return file.content;
}

type Json = Record<string, unknown>;

/** The `data` of a saved answer (or of each answer of an array). */
export function vaultData(path: string): Json[] {
  const json = JSON.parse(vaultText(path)) as Json | Json[];
  return (Array.isArray(json) ? json : [json]).map((envelope) => envelope.data as Json);
}

/** Root-namespace items as the formats build them: `data` plus the `keyward` context. */
export const asItems = (path: string, keyward: Json = {}): Json[] =>
  vaultData(path).map((data) => ({ ...data, keyward: { namespace: "", ...keyward } }));
