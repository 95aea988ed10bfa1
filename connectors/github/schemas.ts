import { z } from "zod";

/*
 * Raw GitHub REST payloads (API version 2022-11-28) as docs.github.com documents them; only what
 * the transforms read is kept, zod drops the rest. No endpoint here returns a secret value: Actions
 * secrets are names and dates, deploy keys are public SSH keys.
 *
 * Items also carry a `keyward` block GitHub does not send: what the listing knew about the item —
 * the organization and repository it was read from (the scope and parent when live, the import
 * path offline), the environment configured for them, and for organization secrets with
 * `selected` visibility the repositories they are shared with.
 */

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

/** `owner/name`. */
export const REPOSITORY_FULL_NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export const itemContextSchema = z
  .object({
    org: z.string().min(1).optional(),
    repo: z.string().regex(REPOSITORY_FULL_NAME, "must be owner/name").optional(),
    environment: z.string().min(1).optional(),
    selectedRepositories: z.array(z.string().regex(REPOSITORY_FULL_NAME)).optional(),
  })
  .default({});
export type ItemContext = z.output<typeof itemContextSchema>;

const needsRepo = (context: ItemContext) => context.repo !== undefined;

/** `simple-user` as owners, `added_by`… appear; only the login and type matter. */
export const simpleUserSchema = z.object({ login: z.string().min(1), id: z.number().int().optional(), type: optionalText });
export type SimpleUser = z.output<typeof simpleUserSchema>;

/** `organization-full` (GET /orgs/{org}). */
export const organizationItemSchema = z.object({
  login: z.string().min(1),
  id: z.number().int(),
  name: optionalText,
  description: optionalText,
  html_url: optionalText,
  created_at: optionalText,
  two_factor_requirement_enabled: z.boolean().nullish(),
  keyward: itemContextSchema,
});
export type OrganizationItem = z.output<typeof organizationItemSchema>;

/** `minimal-repository` (GET /orgs/{org}/repos). */
export const repositoryItemSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  full_name: z.string().regex(REPOSITORY_FULL_NAME, "must be owner/name"),
  owner: simpleUserSchema,
  private: z.boolean(),
  visibility: optionalText,
  archived: z.boolean().nullish(),
  disabled: z.boolean().nullish(),
  html_url: optionalText,
  default_branch: optionalText,
  created_at: optionalText,
  pushed_at: optionalText,
  keyward: itemContextSchema,
});
export type RepositoryItem = z.output<typeof repositoryItemSchema>;

/** `deploy-key` (GET /repos/{owner}/{repo}/keys). `key` is the PUBLIC key. */
export const deployKeyItemSchema = z.object({
  id: z.number().int(),
  key: z.string().min(1),
  title: optionalText,
  verified: z.boolean().nullish(),
  created_at: z.string().min(1),
  read_only: z.boolean(),
  added_by: optionalText,
  last_used: optionalText,
  enabled: z.boolean().nullish(),
  keyward: itemContextSchema.refine(needsRepo, "a deploy key needs the repository it belongs to"),
});
export type DeployKeyItem = z.output<typeof deployKeyItemSchema>;

/** `actions-secret` (GET /repos/{owner}/{repo}/actions/secrets → `secrets[]`): never a value. */
export const repositorySecretItemSchema = z.object({
  name: z.string().min(1),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  keyward: itemContextSchema.refine(needsRepo, "a repository secret needs the repository it belongs to"),
});
export type RepositorySecretItem = z.output<typeof repositorySecretItemSchema>;

/** `organization-actions-secret` (GET /orgs/{org}/actions/secrets → `secrets[]`). */
export const organizationSecretItemSchema = z.object({
  name: z.string().min(1),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  visibility: z.enum(["all", "private", "selected"]),
  selected_repositories_url: optionalText,
  keyward: itemContextSchema,
});
export type OrganizationSecretItem = z.output<typeof organizationSecretItemSchema>;

const permissionMapSchema = z
  .record(z.string(), z.string())
  .nullish()
  .transform((map) => map ?? {});

/** `installation` (GET /orgs/{org}/installations → `installations[]`). */
export const appInstallationItemSchema = z.object({
  id: z.number().int(),
  app_id: z.number().int(),
  app_slug: optionalText,
  client_id: optionalText,
  account: simpleUserSchema.nullish(),
  target_type: optionalText,
  repository_selection: z.enum(["all", "selected"]),
  permissions: permissionMapSchema,
  events: z
    .array(z.string())
    .nullish()
    .transform((list) => list ?? []),
  created_at: optionalText,
  updated_at: optionalText,
  suspended_at: optionalText,
  suspended_by: simpleUserSchema.nullish(),
  html_url: optionalText,
  keyward: itemContextSchema,
});
export type AppInstallationItem = z.output<typeof appInstallationItemSchema>;

const patPermissionsSchema = z
  .object({ organization: permissionMapSchema, repository: permissionMapSchema, other: permissionMapSchema })
  .partial()
  .nullish()
  .transform((permissions) => ({
    organization: permissions?.organization ?? {},
    repository: permissions?.repository ?? {},
    other: permissions?.other ?? {},
  }));

/** What grants and requests share. */
const patFields = {
  id: z.number().int(),
  owner: simpleUserSchema,
  repository_selection: z.enum(["none", "all", "subset"]),
  repositories_url: optionalText,
  permissions: patPermissionsSchema,
  token_id: z.number().int(),
  token_name: optionalText,
  token_expired: z.boolean(),
  token_expires_at: optionalText,
  token_last_used_at: optionalText,
  keyward: itemContextSchema,
};

/** `organization-programmatic-access-grant` (GET /orgs/{org}/personal-access-tokens). */
export const patGrantItemSchema = z.object({ ...patFields, access_granted_at: z.string().min(1) });
export type PatGrantItem = z.output<typeof patGrantItemSchema>;

/** `organization-programmatic-access-grant-request` (GET /orgs/{org}/personal-access-token-requests). */
export const patRequestItemSchema = z.object({ ...patFields, reason: optionalText, created_at: z.string().min(1) });
export type PatRequestItem = z.output<typeof patRequestItemSchema>;
