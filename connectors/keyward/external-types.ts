/*
 * The external types a Keyward file may use, per record kind (Keyward format v1).
 *
 * Why a closed list: a stream owns exact external types (the SDK has no wildcards), and a stream's
 * sweep retires only records of the types it owns. A file that could invent types would write
 * records no stream owns, which no `--complete` import could ever retire. So the vocabulary is
 * documented and versioned with the format (docs/formats/keyward.md):
 *
 * - `keyward.identity`, `keyward.credential`, `keyward.resource`: anything else, e.g. an in-house
 *   platform's service accounts (put the detail in `type`, `attributes` and `tags`);
 * - the provider types of Keyward's connectors, so an export of a live source (whose records carry
 *   e.g. `aws.iam_user`) imports back unchanged. A connector that adds a type adds it here too.
 */

export const IDENTITY_EXTERNAL_TYPES = [
  "keyward.identity",
  "aws.iam_user",
  "aws.iam_role",
  "gcp.service_account",
  "azure.application",
  "azure.service_principal",
  "azure.managed_identity",
  "github.app_installation",
  "gitlab.bot_user",
  "gitlab.group_bot_user",
  "kubernetes.service_account",
  "vault.approle",
  "postgres.role",
  "mysql.user",
  "ci.job_identity",
  "mcp.server",
  "ai.agent",
] as const;

export const CREDENTIAL_EXTERNAL_TYPES = [
  "keyward.credential",
  "aws.access_key",
  "aws.secretsmanager_secret",
  "aws.acm_certificate",
  "gcp.service_account_key",
  "azure.password_credential",
  "azure.service_principal_password",
  "azure.service_principal_key",
  "azure.key_credential",
  "github.deploy_key",
  "github.actions_secret",
  "github.pat",
  "github.org_actions_secret",
  "github.pat_request",
  "gitlab.ci_variable",
  "gitlab.access_token",
  "gitlab.deploy_token",
  "gitlab.group_ci_variable",
  "gitlab.group_access_token",
  "gitlab.group_deploy_token",
  "kubernetes.secret",
  "vault.token",
  "vault.approle_secret_id",
  "vault.kv_secret",
  "certificates.certificate",
  "certificates.tls_certificate",
  "certificates.private_key",
  "postgres.password",
  "mysql.password",
  "code.secret",
  "terraform.credential",
  "mcp.env_secret",
] as const;

export const RESOURCE_EXTERNAL_TYPES = [
  "keyward.resource",
  "aws.account",
  "gcp.project",
  "azure.tenant",
  "azure.subscription",
  "github.organization",
  "github.repository",
  "gitlab.group",
  "gitlab.project",
  "kubernetes.cluster",
  "kubernetes.namespace",
  "kubernetes.role",
  "kubernetes.cluster_role",
  "kubernetes.role_binding",
  "kubernetes.cluster_role_binding",
  "vault.mount",
  "postgres.server",
  "postgres.database",
  "mysql.server",
  "mysql.database",
  "code.repository",
  "code.file",
  "terraform.state",
  "certificates.endpoint",
] as const;

/** Owned by the people stream; persons are keyed by lowercased e-mail, not by this type. */
export const PERSON_EXTERNAL_TYPE = "keyward.person";
/** Owned by the edges stream (every stream must own a type; edges may point anywhere). */
export const EDGE_EXTERNAL_TYPE = "keyward.edge";

export type IdentityExternalType = (typeof IDENTITY_EXTERNAL_TYPES)[number];
export type CredentialExternalType = (typeof CREDENTIAL_EXTERNAL_TYPES)[number];
export type ResourceExternalType = (typeof RESOURCE_EXTERNAL_TYPES)[number];
