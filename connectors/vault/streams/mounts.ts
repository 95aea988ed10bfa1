import { defineStream } from "../../sdk";
import { vaultSessionOf } from "../client/vault-session";
import { namespaceOf, vaultConfigSchema, type VaultConfig } from "../config";
import { MOUNT_TYPE } from "../external-types";
import { mountItemSchema, type MountItem } from "../schemas";
import { mountApiPath, mountKindOf, mountRecords } from "../transform/mount-records";
import { liveContext } from "./live-context";

/** `sys/auth` / `sys/mounts` data → one item per mount (the map is keyed by mount path). */
export function mountItemsOf(kind: MountItem["kind"], table: Record<string, unknown>): Record<string, unknown>[] {
  return Object.entries(table)
    .filter(([, entry]) => typeof entry === "object" && entry !== null && typeof (entry as { type?: unknown }).type === "string")
    .map(([path, entry]) => ({ ...(entry as object), kind, path }));
}

/**
 * Auth methods (GET sys/auth) and secrets engines (GET sys/mounts) of the namespace: resources
 * of their own, and the parents of the AppRole and KV v2 listings, which need to know where those
 * are mounted (any path, any number of times).
 */
export const mountsStream = defineStream<VaultConfig, MountItem>({
  name: "mounts",
  externalTypes: [MOUNT_TYPE],
  item: mountItemSchema,
  config: vaultConfigSchema,
  parentKey: (mount) => ({ id: mountApiPath(mount), name: mountKindOf(mount) }),
  async list({ scope, ctx }) {
    const namespace = namespaceOf(scope.id);
    const vault = vaultSessionOf(ctx);
    const [auth, secret] = await Promise.all([vault.read(namespace, "sys/auth"), vault.read(namespace, "sys/mounts")]);
    const items = [...mountItemsOf("auth", auth), ...mountItemsOf("secret", secret)].map((mount) => ({
      ...mount,
      keyward: liveContext(ctx.config, namespace, mountApiPath(mount as MountItem)),
    }));
    return { items };
  },
  transform: (mount) => mountRecords(mount),
});
