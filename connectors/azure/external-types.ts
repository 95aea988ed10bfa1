/*
 * External types, one owner stream each. They match the Keyward import vocabulary
 * (docs/formats/keyward.md) where it has them, so an export of this source imports back.
 */

/** Resource (stream `tenant`): the Entra ID tenant, type `organization`. */
export const TENANT_TYPE = "azure.tenant";

/** Identity (stream `applications`): an app registration, keyed by its appId (client id). */
export const APPLICATION_TYPE = "azure.application";
/** Credentials of app registrations (stream `applications`): client secrets and certificates. */
export const PASSWORD_CREDENTIAL_TYPE = "azure.password_credential";
export const KEY_CREDENTIAL_TYPE = "azure.key_credential";

/**
 * Identity (stream `service-principals`), keyed by object id, managed identities included (their
 * `type` is `managed_identity`): app role assignments name a principal by object id only, without
 * telling a managed identity from another service principal.
 */
export const SERVICE_PRINCIPAL_TYPE = "azure.service_principal";
/** A service principal's OWN credentials (SAML signing certificates, managed identity keys). */
export const SP_PASSWORD_CREDENTIAL_TYPE = "azure.service_principal_password";
export const SP_KEY_CREDENTIAL_TYPE = "azure.service_principal_key";

/** Edge target for a user owner: the person with that e-mail (people directory). */
export const PERSON_TYPE = "person";

export const tenantRef = (tenantId: string) => ({ externalType: TENANT_TYPE, externalId: tenantId });
export const applicationRef = (appId: string) => ({ externalType: APPLICATION_TYPE, externalId: appId });
export const servicePrincipalRef = (objectId: string) => ({ externalType: SERVICE_PRINCIPAL_TYPE, externalId: objectId });
