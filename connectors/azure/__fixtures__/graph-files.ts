import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Saved Graph responses of the fictional Contoso tenant (written from the documented v1.0
 * payloads), laid out as an offline import would find them: `<tenant id>/applications.json`…
 */

export const TENANT_ID = "4f0c5b7a-9d2e-4c31-8a6b-2e7d9f1c3b5a";
/** A client secret value planted where an `addPassword` response would show it (`secretText`). */
export const SECRET_CANARY = "Xq8Q~kwCanaryAzureSecret.Value-0123456789abcdef";

const root = fileURLToPath(new URL("./graph", import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every saved response, with its path relative to the import root. */
export const graphFiles = walk(root)
  .sort()
  .map((path) => ({ path: relative(root, path).replace(/\\/g, "/"), content: readFileSync(path, "utf8") }));

/** The `value` array of one saved response. */
export function graphValue(name: string): Record<string, unknown>[] {
  const file = graphFiles.find((f) => f.path === `${TENANT_ID}/${name}`);
  if (!file) throw new Error(`no fixture ${name}`);
  return (JSON.parse(file.content) as { value: Record<string, unknown>[] }).value;
}

/** One object of a saved response by its `displayName`. */
export function graphObject(name: string, displayName: string): Record<string, unknown> {
  const found = graphValue(name).find((item) => item.displayName === displayName);
  if (!found) throw new Error(`no ${displayName} in ${name}`);
  return found;
}
