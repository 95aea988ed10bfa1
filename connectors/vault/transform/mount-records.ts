import type { KeywardRecordInput } from "../../sdk";
import { mountRef, namespacePrefix } from "../external-types";
import type { MountItem } from "../schemas";
import { compact } from "./compact";

/** The API path prefix of a mount: `auth/approle/` for auth methods, `secret/` for secrets engines. */
export const mountApiPath = (mount: Pick<MountItem, "kind" | "path">): string =>
  `${mount.kind === "auth" ? "auth/" : ""}${mount.path.replace(/^\/+/, "").replace(/\/*$/, "/")}`;

/** KV's version lives in the mount options (`{"version": "2"}`); absent means KV v1. */
export function kvVersionOf(mount: Pick<MountItem, "type" | "options">): number | undefined {
  if (mount.type !== "kv" && mount.type !== "generic") return undefined;
  return String(mount.options?.version ?? "1") === "2" ? 2 : 1;
}

/**
 * The type the child streams read a mount by: `approle`, `kv-v2`, … It travels as the parent's
 * name, so a child listing knows without another call whether the mount is one it reads.
 */
export function mountKindOf(mount: Pick<MountItem, "kind" | "type" | "options">): string {
  const kvVersion = kvVersionOf(mount);
  return kvVersion === undefined ? mount.type : `kv-v${kvVersion}`;
}

/** An auth method or secrets engine mount as a `vault_mount` resource. */
export function mountRecords(mount: MountItem): KeywardRecordInput[] {
  const { namespace, environment } = mount.keyward;
  const apiPath = mountApiPath(mount);
  return [
    {
      kind: "resource",
      ...mountRef(namespace, apiPath),
      name: `${namespacePrefix(namespace)}${apiPath}`,
      type: "vault_mount",
      ...(environment ? { environment } : {}),
      attributes: compact({
        namespace: namespace || undefined,
        mountKind: mount.kind,
        mountType: mount.type,
        kvVersion: kvVersionOf(mount),
        mountAccessor: mount.accessor,
        description: mount.description || undefined,
        local: mount.local,
        sealWrap: mount.seal_wrap,
      }),
    },
  ];
}
