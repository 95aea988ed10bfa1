import { z } from "zod";

/*
 * Raw GitLab REST v4 payloads as docs.gitlab.com documents them; only what the transforms read is
 * kept, zod drops the rest. CI/CD variable listings DO return values: `value` is read only by the
 * transform, which fingerprints it and drops it.
 *
 * Items also carry a `keyward` block GitLab does not send: what the listing knew about the item —
 * the group or project it was read from (the parent when live, the import path offline), its full
 * path when known, and the environment configured for it.
 */

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

/** A numeric id as GitLab prints it in paths. */
export const NUMERIC_ID = /^[0-9]+$/;

export const itemContextSchema = z
  .object({
    /** Which kind of namespace the item belongs to. */
    level: z.enum(["group", "project"]).optional(),
    /** Numeric id of that group or project. */
    ownerId: z.string().regex(NUMERIC_ID, "must be a numeric group or project id").optional(),
    /** Its full path (`acme/platform/api`), when the listing knew it. */
    ownerPath: z.string().min(1).optional(),
    environment: z.string().min(1).optional(),
  })
  .default({});
export type ItemContext = z.output<typeof itemContextSchema>;

/** Items listed under a group or a project must say which. */
const owned = (context: ItemContext) => context.level !== undefined && context.ownerId !== undefined;
const ownedContext = itemContextSchema.refine(owned, "needs the group or project it belongs to");

/** `GET /groups/:id`, `GET /groups/:id/descendant_groups`. */
export const groupItemSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  path: z.string().min(1),
  full_path: z.string().min(1),
  parent_id: z.number().int().nullish(),
  visibility: optionalText,
  web_url: optionalText,
  created_at: optionalText,
  keyward: itemContextSchema,
});
export type GroupItem = z.output<typeof groupItemSchema>;

/** `GET /groups/:id/projects`. */
export const projectItemSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  path_with_namespace: z.string().min(1),
  namespace: z.object({ id: z.number().int(), kind: optionalText, full_path: optionalText }).nullish(),
  visibility: optionalText,
  archived: z.boolean().nullish(),
  web_url: optionalText,
  created_at: optionalText,
  last_activity_at: optionalText,
  keyward: itemContextSchema,
});
export type ProjectItem = z.output<typeof projectItemSchema>;

/** `GET /projects/:id/variables`, `GET /groups/:id/variables`. */
export const variableItemSchema = z.object({
  key: z.string().min(1),
  /** The variable's value: fingerprinted, never stored. Hidden variables come back as null. */
  value: z.string().nullish(),
  variable_type: z.enum(["env_var", "file"]).default("env_var"),
  protected: z.boolean().default(false),
  masked: z.boolean().default(false),
  hidden: z.boolean().nullish(),
  raw: z.boolean().nullish(),
  environment_scope: z.string().min(1).default("*"),
  description: optionalText,
  keyward: ownedContext,
});
export type VariableItem = z.output<typeof variableItemSchema>;

/** `GET /projects/:id/access_tokens`, `GET /groups/:id/access_tokens`. The token value is never returned. */
export const accessTokenItemSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  user_id: z.number().int(),
  scopes: z.array(z.string()).default([]),
  access_level: z.number().int().nullish(),
  expires_at: optionalText,
  created_at: optionalText,
  last_used_at: optionalText,
  revoked: z.boolean().default(false),
  active: z.boolean().default(true),
  description: optionalText,
  keyward: ownedContext,
});
export type AccessTokenItem = z.output<typeof accessTokenItemSchema>;

/** `GET /projects/:id/deploy_tokens`, `GET /groups/:id/deploy_tokens`. The token value is never returned. */
export const deployTokenItemSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  username: optionalText,
  expires_at: optionalText,
  revoked: z.boolean().default(false),
  expired: z.boolean().default(false),
  scopes: z.array(z.string()).default([]),
  keyward: ownedContext,
});
export type DeployTokenItem = z.output<typeof deployTokenItemSchema>;
