import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * kubectl exports under ./kubectl, written from the documented core/v1 and rbac/v1 objects:
 * `clusters/prod-eu-1/all.json` is what `kubectl get serviceaccounts,secrets,roles,clusterroles,
 * rolebindings,clusterrolebindings -A -o json` prints (a mixed List); `api/clusterrolebindings.json`
 * is a ClusterRoleBindingList saved from the API (items without `kind`). The TLS certificate is a
 * real self-signed one; every secret value is a canary (./canaries.json), the TLS key included.
 */

export const CLUSTER = "prod-eu-1";

const root = fileURLToPath(new URL("./kubectl/", import.meta.url));

/** Every export, with its path relative to the kubectl folder (the import root in tests). */
export const kubectlFiles: { path: string; content: string }[] = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const full = join(entry.parentPath, entry.name);
    return { path: relative(root, full).split("\\").join("/"), content: readFileSync(full, "utf8") };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

export function kubectlText(path: string): string {
  const file = kubectlFiles.find((f) => f.path === path);
  if (!file) throw new Error(`no kubectl fixture ${path}`);
  return file.content;
}

export type RawObject = Record<string, unknown> & { kind?: string; metadata: { name: string; namespace?: string } };

export const ALL_PATH = `clusters/${CLUSTER}/all.json`;

/** Items of the mixed List of one kind, as a live listing returns them (plus the cluster). */
export function itemsOfKind(kind: string, keyward: Record<string, unknown> = { cluster: CLUSTER }): RawObject[] {
  const list = JSON.parse(kubectlText(ALL_PATH)) as { items: RawObject[] };
  return list.items.filter((item) => item.kind === kind).map((item) => ({ ...item, keyward }));
}

export function itemNamed(kind: string, name: string, namespace?: string): RawObject {
  const item = itemsOfKind(kind).find((i) => i.metadata.name === name && i.metadata.namespace === namespace);
  if (!item) throw new Error(`no ${kind} ${namespace ?? ""}/${name} in the fixture`);
  return item;
}

export const CANARIES = JSON.parse(readFileSync(new URL("./canaries.json", import.meta.url), "utf8")) as Record<
  "token" | "password" | "registry" | "dockerHub" | "tlsKey",
  string
>;
