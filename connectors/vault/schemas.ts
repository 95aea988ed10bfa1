import { z } from "zod";

/*
 * Raw items of the Vault connector: the `data` of Vault's documented responses (read role,
 * secret-id accessor lookup, token lookup-accessor, KV v2 read metadata, sys/auth and sys/mounts
 * entries), plus a `keyward` object with what the response itself does not say — the namespace,
 * the path it was read from, when it was seen. Live listings and offline files build the same
 * items, so one transform serves both. Objects are loose: Vault adds fields between versions.
 */

const stringList = z
  .array(z.string())
  .nullish()
  .transform((list) => list ?? []);
const stringMap = z
  .record(z.string(), z.string())
  .nullish()
  .transform((map) => map ?? {});

export const itemContextSchema = z.object({
  /** Namespace path without slashes; "" = root. */
  namespace: z.string(),
  /** When the item was read (live); offline files do not say. */
  observedAt: z.string().optional(),
  environment: z.string().optional(),
});
export type ItemContext = z.infer<typeof itemContextSchema>;

/** A `sys/auth` or `sys/mounts` entry, named by its mount path (`approle/`, `secret/`). */
export const mountItemSchema = z.looseObject({
  kind: z.enum(["auth", "secret"]),
  path: z.string().min(1),
  type: z.string().min(1),
  accessor: z.string().optional(),
  description: z.string().nullish(),
  local: z.boolean().optional(),
  seal_wrap: z.boolean().optional(),
  options: z.record(z.string(), z.unknown()).nullish(),
  keyward: itemContextSchema,
});
export type MountItem = z.infer<typeof mountItemSchema>;

/** GET auth/<mount>/role/<name>: the role's settings (the response does not name the role). */
export const approleRoleItemSchema = z.looseObject({
  bind_secret_id: z.boolean().optional(),
  secret_id_bound_cidrs: stringList,
  secret_id_num_uses: z.number().int().optional(),
  secret_id_ttl: z.number().int().optional(),
  local_secret_ids: z.boolean().optional(),
  token_bound_cidrs: stringList,
  token_explicit_max_ttl: z.number().int().optional(),
  token_max_ttl: z.number().int().optional(),
  token_no_default_policy: z.boolean().optional(),
  token_num_uses: z.number().int().optional(),
  token_period: z.number().int().optional(),
  token_policies: stringList,
  /** Deprecated alias of token_policies, still returned by older servers. */
  policies: stringList,
  token_ttl: z.number().int().optional(),
  token_type: z.string().optional(),
  keyward: itemContextSchema.extend({
    /** `auth/<mount>/role/<name>`: where the role was read. */
    rolePath: z.string().regex(/^auth\/.+\/role\/[^/]+$/),
  }),
});
export type ApproleRoleItem = z.infer<typeof approleRoleItemSchema>;

/** POST auth/<mount>/role/<name>/secret-id-accessor/lookup: one secret id, by its accessor. */
export const secretIdItemSchema = z.looseObject({
  secret_id_accessor: z.string().min(1),
  creation_time: z.string().nullish(),
  expiration_time: z.string().nullish(),
  last_updated_time: z.string().nullish(),
  secret_id_num_uses: z.number().int().optional(),
  secret_id_ttl: z.number().int().optional(),
  cidr_list: stringList,
  token_bound_cidrs: stringList,
  metadata: stringMap,
  keyward: itemContextSchema.extend({ rolePath: z.string().regex(/^auth\/.+\/role\/[^/]+$/) }),
});
export type SecretIdItem = z.infer<typeof secretIdItemSchema>;

/** POST auth/token/lookup-accessor: a token's properties. `id` is "" there (the token itself). */
export const tokenItemSchema = z.looseObject({
  accessor: z.string().min(1),
  id: z.string().nullish(),
  creation_time: z.number().optional(),
  creation_ttl: z.number().optional(),
  display_name: z.string().nullish(),
  entity_id: z.string().nullish(),
  expire_time: z.string().nullish(),
  explicit_max_ttl: z.number().optional(),
  identity_policies: stringList,
  issue_time: z.string().nullish(),
  meta: stringMap,
  num_uses: z.number().int().optional(),
  orphan: z.boolean().optional(),
  path: z.string().nullish(),
  policies: stringList,
  renewable: z.boolean().optional(),
  ttl: z.number().optional(),
  type: z.string().nullish(),
  keyward: itemContextSchema,
});
export type TokenItem = z.infer<typeof tokenItemSchema>;

const kvVersionSchema = z.looseObject({
  created_time: z.string().nullish(),
  deletion_time: z.string().nullish(),
  destroyed: z.boolean().optional(),
});

/** GET <mount>/metadata/<path>: a KV v2 secret's metadata (never its data). */
export const kvMetadataItemSchema = z.looseObject({
  created_time: z.string().nullish(),
  updated_time: z.string().nullish(),
  current_version: z.number().int().optional(),
  oldest_version: z.number().int().optional(),
  max_versions: z.number().int().optional(),
  cas_required: z.boolean().optional(),
  delete_version_after: z.string().optional(),
  custom_metadata: stringMap,
  versions: z
    .record(z.string(), kvVersionSchema)
    .nullish()
    .transform((versions) => versions ?? {}),
  keyward: itemContextSchema.extend({
    /** The KV v2 mount path, e.g. `secret/`. */
    mount: z.string().regex(/\/$/),
    /** The secret's path inside the mount, e.g. `payments/db`. */
    path: z.string().min(1),
  }),
});
export type KvMetadataItem = z.infer<typeof kvMetadataItemSchema>;

/** Vault's error envelope: `{ "errors": ["permission denied"] }`. */
export const vaultErrorSchema = z.object({ errors: z.array(z.string()) });

/** A LIST answer: `{ "data": { "keys": [...] } }`. */
export const listResponseSchema = z.object({ data: z.object({ keys: z.array(z.string()) }) });

/** Any answer with a `data` object (reads, lookups). */
export const dataResponseSchema = z.object({ data: z.record(z.string(), z.unknown()) });
