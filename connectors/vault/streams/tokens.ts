import { defineStream } from "../../sdk";
import { vaultSessionOf } from "../client/vault-session";
import { namespaceOf, vaultConfigSchema, type VaultConfig } from "../config";
import { TOKEN_TYPE } from "../external-types";
import { tokenItemSchema, type TokenItem } from "../schemas";
import { tokenRecords } from "../transform/token-records";
import { LOOKUPS_IN_FLIGHT, liveContext, mapInBatches, pageOf } from "./live-context";

/**
 * Tokens of the namespace, by accessor: LIST auth/token/accessors (needs `sudo`), then
 * POST auth/token/lookup-accessor for each, a page at a time. A token revoked or expired between
 * the two calls is left out (it is gone); any other failure fails the page.
 */
export const tokensStream = defineStream<VaultConfig, TokenItem>({
  name: "tokens",
  externalTypes: [TOKEN_TYPE],
  item: tokenItemSchema,
  config: vaultConfigSchema,
  async list({ scope, cursor, ctx }) {
    const namespace = namespaceOf(scope.id);
    const vault = vaultSessionOf(ctx);
    const accessors = await vault.listOnce(namespace, "auth/token/accessors");
    const { slice, nextCursor } = pageOf(accessors, cursor, ctx.config.pageSize);
    const keyward = liveContext(ctx.config, namespace, "auth/token/");
    const found = await mapInBatches(slice, LOOKUPS_IN_FLIGHT, (accessor) =>
      vault.lookup(namespace, "auth/token/lookup-accessor", { accessor }),
    );
    const items = found.filter((data) => data !== undefined).map((data) => ({ ...data, keyward }));
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  },
  transform: (token, { fingerprint }) => tokenRecords(token, fingerprint),
});
