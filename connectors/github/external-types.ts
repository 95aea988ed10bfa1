import type { ExternalRef } from "../sdk";

/*
 * External types of the GitHub connector. They are also listed in connectors/keyward/external-types.ts,
 * so records of this source and of Keyward's own format can point at each other. Logins and
 * repository names are case-insensitive on GitHub, so ids are lowercased.
 */

/** An organization; external id = its login. */
export const ORGANIZATION_TYPE = "github.organization";
/** A repository; external id = `owner/name`. */
export const REPOSITORY_TYPE = "github.repository";
/** A deploy key; external id = `owner/name#<key id>` (key ids are per repository in the API). */
export const DEPLOY_KEY_TYPE = "github.deploy_key";
/** A repository Actions secret; external id = `owner/name:<SECRET_NAME>`. */
export const ACTIONS_SECRET_TYPE = "github.actions_secret";
/** An organization Actions secret; external id = `org:<SECRET_NAME>`. */
export const ORG_ACTIONS_SECRET_TYPE = "github.org_actions_secret";
/** A GitHub App installation; external id = the installation id. */
export const APP_INSTALLATION_TYPE = "github.app_installation";
/** A fine-grained PAT's grant on an organization; external id = `org:<token id>`. */
export const PAT_TYPE = "github.pat";
/** A pending request of a fine-grained PAT for an organization; external id = `org:<request id>`. */
export const PAT_REQUEST_TYPE = "github.pat_request";

const lower = (value: string) => value.toLowerCase();

export const organizationRef = (org: string): ExternalRef => ({ externalType: ORGANIZATION_TYPE, externalId: lower(org) });
export const repositoryRef = (fullName: string): ExternalRef => ({ externalType: REPOSITORY_TYPE, externalId: lower(fullName) });
export const deployKeyRef = (fullName: string, id: number): ExternalRef => ({
  externalType: DEPLOY_KEY_TYPE,
  externalId: `${lower(fullName)}#${id}`,
});
export const actionsSecretRef = (fullName: string, name: string): ExternalRef => ({
  externalType: ACTIONS_SECRET_TYPE,
  externalId: `${lower(fullName)}:${name}`,
});
export const orgActionsSecretRef = (org: string, name: string): ExternalRef => ({
  externalType: ORG_ACTIONS_SECRET_TYPE,
  externalId: `${lower(org)}:${name}`,
});
export const appInstallationRef = (id: number): ExternalRef => ({ externalType: APP_INSTALLATION_TYPE, externalId: String(id) });
export const patRef = (org: string, tokenId: number): ExternalRef => ({
  externalType: PAT_TYPE,
  externalId: `${lower(org)}:${tokenId}`,
});
export const patRequestRef = (org: string, requestId: number): ExternalRef => ({
  externalType: PAT_REQUEST_TYPE,
  externalId: `${lower(org)}:${requestId}`,
});
