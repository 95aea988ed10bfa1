import type { ExternalRef } from "../sdk";

/*
 * External types of the Terraform state connector. `terraform.credential` is in Keyward's import
 * vocabulary (connectors/keyward/external-types.ts); `terraform.state` must be added there too.
 *
 * Terraform does NOT emit the provider's own credential types (`aws.access_key`…): a natural key
 * is (source, type, id), so a Terraform-emitted `aws.access_key` would be a second node next to the
 * AWS connector's one, and edge ends resolve to the emitting source's node first — every edge of
 * this source would then stick to the copy. Instead, the value found in the state is its own
 * credential (fingerprinted, located in the state file), and a `stored_in` edge FROM the
 * provider's node (same natural key the aws/gcp/azure connectors use) TO the state says "this
 * key's secret is also held in that state". Equal fingerprints give the derived same-secret link.
 */

/** Resource (stream `states`), type `file`: one Terraform state, keyed by its lineage. */
export const STATE_TYPE = "terraform.state";
/** Credential (stream `states`): one secret attribute of one resource instance in a state. */
export const CREDENTIAL_TYPE = "terraform.credential";

/* Edge ends owned by other connectors (see their external-types.ts for the id formats). */
export const AWS_USER_TYPE = "aws.iam_user";
export const AWS_ACCESS_KEY_TYPE = "aws.access_key";
export const AWS_SECRET_TYPE = "aws.secretsmanager_secret";
export const GCP_SERVICE_ACCOUNT_TYPE = "gcp.service_account";
export const GCP_SERVICE_ACCOUNT_KEY_TYPE = "gcp.service_account_key";
export const AZURE_APPLICATION_TYPE = "azure.application";
export const AZURE_PASSWORD_CREDENTIAL_TYPE = "azure.password_credential";
export const AZURE_SERVICE_PRINCIPAL_TYPE = "azure.service_principal";
export const AZURE_SP_PASSWORD_TYPE = "azure.service_principal_password";

export const stateRef = (lineage: string): ExternalRef => ({ externalType: STATE_TYPE, externalId: lineage });
export const ref = (externalType: string, externalId: string): ExternalRef => ({ externalType, externalId });
