import type { ExternalRef } from "../sdk";

/*
 * External types of the Google Cloud connector. They are also listed in
 * connectors/keyward/external-types.ts, so records of this source and of Keyward's own format
 * can point at each other.
 */

/** A service account; external id = its e-mail address (what keys and IAM bindings name). */
export const SERVICE_ACCOUNT_TYPE = "gcp.service_account";
/** A service-account key; external id = its 40-hex key id, unique across Google Cloud. */
export const SERVICE_ACCOUNT_KEY_TYPE = "gcp.service_account_key";
/** A project; external id = its project id. */
export const PROJECT_TYPE = "gcp.project";

export const serviceAccountRef = (email: string): ExternalRef => ({
  externalType: SERVICE_ACCOUNT_TYPE,
  externalId: email.toLowerCase(),
});
export const serviceAccountKeyRef = (keyId: string): ExternalRef => ({ externalType: SERVICE_ACCOUNT_KEY_TYPE, externalId: keyId });
export const projectRef = (projectId: string): ExternalRef => ({ externalType: PROJECT_TYPE, externalId: projectId });
