import { z } from "zod";

/**
 * Closed vocabularies used by records. Adding a value is a schema change for the database and
 * the export format (both store these strings), so extend them deliberately.
 */

export const identityTypeSchema = z.enum([
  "service_account",
  "iam_user",
  "iam_role",
  "app_registration",
  "service_principal",
  "managed_identity",
  "k8s_service_account",
  "vault_approle",
  "github_app_installation",
  "database_role",
  "ci_job_identity",
  "ai_agent",
  "mcp_server",
  "api_client",
  "other",
]);
export type IdentityType = z.infer<typeof identityTypeSchema>;

/** Provider-observed identity state; "gone" is not here because only the sweep decides it. */
export const identityStatusSchema = z.enum(["active", "inactive", "unknown"]);
export type IdentityStatus = z.infer<typeof identityStatusSchema>;

export const credentialTypeSchema = z.enum([
  "access_key",
  "client_secret",
  "certificate",
  "token",
  "pat",
  "deploy_key",
  "ssh_key",
  "password",
  "private_key",
  "ci_variable",
  "stored_secret",
  "api_key",
  "other",
]);
export type CredentialType = z.infer<typeof credentialTypeSchema>;

export const credentialStatusSchema = z.enum(["active", "inactive", "expired", "revoked", "unknown"]);
export type CredentialStatus = z.infer<typeof credentialStatusSchema>;

export const resourceTypeSchema = z.enum([
  "cloud_account",
  "project",
  "repository",
  "cluster",
  "namespace",
  "database",
  "vault_mount",
  "secret_store",
  "file",
  "organization",
  "other",
]);
export type ResourceType = z.infer<typeof resourceTypeSchema>;

export const personStatusSchema = z.enum(["active", "left"]);
export type PersonStatus = z.infer<typeof personStatusSchema>;

/** Relation an edge expresses. `same_secret` is absent: it is derived from equal fingerprints. */
export const edgeTypeSchema = z.enum([
  "has_credential",
  "can_assume",
  "has_permission",
  "stored_in",
  "owned_by",
  "part_of_service",
  "member_of",
]);
export type EdgeType = z.infer<typeof edgeTypeSchema>;

export const permissionLevelSchema = z.enum(["read", "write", "admin"]);
export type PermissionLevel = z.infer<typeof permissionLevelSchema>;

export const coverageGapReasonSchema = z.enum(["permission_denied", "not_enumerable", "error", "timeout", "cap_reached"]);
export type CoverageGapReason = z.infer<typeof coverageGapReasonSchema>;
