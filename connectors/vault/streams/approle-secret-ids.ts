import { defineStream, SdkError } from "../../sdk";
import { vaultSessionOf } from "../client/vault-session";
import { namespaceOf, vaultConfigSchema, type VaultConfig } from "../config";
import { SECRET_ID_TYPE } from "../external-types";
import { secretIdItemSchema, type SecretIdItem } from "../schemas";
import { secretIdRecords } from "../transform/secret-id-records";
import { LOOKUPS_IN_FLIGHT, liveContext, mapInBatches, pageOf } from "./live-context";

/**
 * Secret ids of one AppRole, by accessor: LIST auth/<mount>/role/<name>/secret-id (the keys are
 * accessors), then POST …/secret-id-accessor/lookup for each. A secret id destroyed between the
 * two calls is left out (it is gone); any other failure fails the page. Off when the source sets
 * `includeSecretIds: false` (the listing is then empty, so earlier ones are retired).
 */
export const approleSecretIdsStream = defineStream<VaultConfig, SecretIdItem>({
  name: "approle-secret-ids",
  externalTypes: [SECRET_ID_TYPE],
  item: secretIdItemSchema,
  config: vaultConfigSchema,
  parent: "approle-roles",
  async list({ scope, cursor, parent, ctx }) {
    if (!parent) throw new SdkError("missing_parent", "secret ids are listed per AppRole");
    if (!ctx.config.includeSecretIds) return { items: [] };
    const namespace = namespaceOf(scope.id);
    const vault = vaultSessionOf(ctx);
    const rolePath = parent.id;
    const accessors = await vault.listOnce(namespace, `${rolePath}/secret-id`);
    const { slice, nextCursor } = pageOf(accessors, cursor, ctx.config.pageSize);
    const keyward = { ...liveContext(ctx.config, namespace, rolePath), rolePath };
    const found = await mapInBatches(slice, LOOKUPS_IN_FLIGHT, (accessor) =>
      vault.lookup(namespace, `${rolePath}/secret-id-accessor/lookup`, { secret_id_accessor: accessor }),
    );
    const items = found.filter((data) => data !== undefined).map((data) => ({ ...data, keyward }));
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  },
  transform: (secretId) => secretIdRecords(secretId),
});
