import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Saved GitLab REST v4 responses under ./rest, laid out as the API paths with numeric ids (the
 * import root in tests), written from the responses docs.gitlab.com documents: group acme (7) with
 * subgroup acme/platform (8), projects acme/payments-api (42) and acme/platform/infra (43).
 * Variable values are canaries: they must appear in no record.
 */

export const ROOT_GROUP = "7";
export const SUBGROUP = "8";
export const PAYMENTS = "42";
export const INFRA = "43";

/** Every variable value planted in the fixtures (the hidden one has none, the empty one is not a secret). */
export const VARIABLE_CANARIES = [
  "postgres://payments:glvar-CANARY-db-5f2a91c07e4b@db.internal:5432/payments",
  '{"type":"service_account","private_key_id":"glvar-CANARY-file-a3d8e6107b95"}',
  "glvar-CANARY-shared-0c4e7b19d6a2",
];

const root = fileURLToPath(new URL("./rest/", import.meta.url));

export const restFiles: { path: string; content: string }[] = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const full = join(entry.parentPath, entry.name);
    return { path: relative(root, full).split("\\").join("/"), content: readFileSync(full, "utf8") };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

export function restJson<T = Record<string, unknown>[]>(path: string): T {
  const file = restFiles.find((f) => f.path === path);
  if (!file) throw new Error(`no REST fixture ${path}`);
  return JSON.parse(file.content) as T;
}

/** Adds the context a live listing attaches. */
export const withContext = (items: readonly Record<string, unknown>[], keyward: Record<string, unknown>) =>
  items.map((item) => ({ ...item, keyward }));
