import { defineStream, SdkError } from "../../sdk";
import { vaultSessionOf } from "../client/vault-session";
import { namespaceOf, vaultConfigSchema, type VaultConfig } from "../config";
import { APPROLE_TYPE } from "../external-types";
import { approleRoleItemSchema, type ApproleRoleItem } from "../schemas";
import { approleRecords } from "../transform/approle-records";
import { LOOKUPS_IN_FLIGHT, liveContext, mapInBatches, pageOf } from "./live-context";

/**
 * AppRoles of one AppRole mount (LIST auth/<mount>/role, then GET each role), a page of reads at
 * a time. Other auth mounts have no AppRoles: their listing is empty without a call.
 */
export const approleRolesStream = defineStream<VaultConfig, ApproleRoleItem>({
  name: "approle-roles",
  externalTypes: [APPROLE_TYPE],
  item: approleRoleItemSchema,
  config: vaultConfigSchema,
  parent: "mounts",
  parentKey: (role) => ({ id: role.keyward.rolePath }),
  async list({ scope, cursor, parent, ctx }) {
    if (!parent) throw new SdkError("missing_parent", "AppRoles are listed per auth mount");
    if (parent.name !== "approle" || !parent.id.startsWith("auth/")) return { items: [] };
    const namespace = namespaceOf(scope.id);
    const vault = vaultSessionOf(ctx);
    const names = await vault.listOnce(namespace, `${parent.id}role`);
    const { slice, nextCursor } = pageOf(names, cursor, ctx.config.pageSize);
    const keyward = liveContext(ctx.config, namespace, parent.id);
    const items = await mapInBatches(slice, LOOKUPS_IN_FLIGHT, async (name) => {
      const rolePath = `${parent.id}role/${name}`;
      return { ...(await vault.read(namespace, rolePath)), keyward: { ...keyward, rolePath } };
    });
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  },
  transform: (role) => approleRecords(role),
});
