import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Saved GitHub REST responses under ./rest, laid out as the API paths (the import root in tests),
 * written from the responses docs.github.com documents for API version 2022-11-28 (organization
 * acme-corp). The SSH keys are public keys generated for these fixtures; no file holds a secret.
 */

export const ORG = "acme-corp";
export const PAYMENTS = "acme-corp/payments-api";
export const INFRA = "acme-corp/infra-live";

const root = fileURLToPath(new URL("./rest/", import.meta.url));

export const restFiles: { path: string; content: string }[] = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const full = join(entry.parentPath, entry.name);
    return { path: relative(root, full).split("\\").join("/"), content: readFileSync(full, "utf8") };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

export function restText(path: string): string {
  const file = restFiles.find((f) => f.path === path);
  if (!file) throw new Error(`no REST fixture ${path}`);
  return file.content;
}

export const restJson = <T = Record<string, unknown>[]>(path: string): T => JSON.parse(restText(path)) as T;

/** Items of a `{ total_count, <field>: […] }` response. */
export const restList = (path: string, field: string): Record<string, unknown>[] =>
  restJson<Record<string, Record<string, unknown>[]>>(path)[field] ?? [];

/** Adds the context a live listing attaches. */
export const withContext = (items: readonly Record<string, unknown>[], keyward: Record<string, unknown>) =>
  items.map((item) => ({ ...item, keyward }));
