import { z } from "zod";
import { defineStream, SdkError } from "../../sdk";
import { vaultSessionOf } from "../client/vault-session";
import { namespaceOf, vaultConfigSchema, type VaultConfig } from "../config";
import { KV_SECRET_TYPE } from "../external-types";
import { kvMetadataItemSchema, type KvMetadataItem } from "../schemas";
import { kvSecretRecords } from "../transform/kv-records";
import { LOOKUPS_IN_FLIGHT, liveContext, mapInBatches } from "./live-context";

/** The folders still to list, breadth first; the cursor between pages. */
const pendingFoldersSchema = z.array(z.string());

function foldersOf(cursor: string | undefined): string[] {
  if (cursor === undefined) return [""];
  const parsed = pendingFoldersSchema.safeParse(JSON.parse(cursor));
  if (!parsed.success) throw new SdkError("invalid_cursor", "the KV listing cursor is not a list of folders");
  return parsed.data;
}

/**
 * KV v2 secrets of one mount, metadata only: the tree is walked one folder per page
 * (LIST <mount>/metadata/<folder>; keys ending in "/" are folders), and each secret's metadata is
 * read with GET <mount>/metadata/<path>. Values (<mount>/data/…) are never read. Other secrets
 * engines, KV v1 included (it has no metadata), give an empty listing without a call.
 */
export const kvSecretsStream = defineStream<VaultConfig, KvMetadataItem>({
  name: "kv-secrets",
  externalTypes: [KV_SECRET_TYPE],
  item: kvMetadataItemSchema,
  config: vaultConfigSchema,
  parent: "mounts",
  async list({ scope, cursor, parent, ctx }) {
    if (!parent) throw new SdkError("missing_parent", "KV secrets are listed per secrets engine mount");
    if (parent.name !== "kv-v2" || parent.id.startsWith("auth/")) return { items: [] };
    const namespace = namespaceOf(scope.id);
    const vault = vaultSessionOf(ctx);
    const mount = parent.id;
    const [folder = "", ...pending] = foldersOf(cursor);
    const keys = await vault.list(namespace, `${mount}metadata/${folder}`);
    const subfolders = keys.filter((key) => key.endsWith("/")).map((key) => `${folder}${key}`);
    const secrets = keys.filter((key) => !key.endsWith("/")).map((key) => `${folder}${key}`);
    const keyward = liveContext(ctx.config, namespace, mount);
    const found = await mapInBatches(secrets, LOOKUPS_IN_FLIGHT, async (path) => {
      const metadata = await vault.readIfPresent(namespace, `${mount}metadata/${path}`);
      // Deleted (metadata and all versions) since the folder was listed: gone, not a failure.
      return metadata && { ...metadata, keyward: { ...keyward, mount, path } };
    });
    const items = found.filter((item) => item !== undefined);
    const next = [...pending, ...subfolders];
    return { items, ...(next.length > 0 ? { nextCursor: JSON.stringify(next) } : {}) };
  },
  transform: (secret) => kvSecretRecords(secret),
});
