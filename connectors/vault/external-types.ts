import type { ExternalRef } from "../sdk";

/*
 * External types of the Vault connector (also listed in connectors/keyward/external-types.ts).
 * External ids are Vault API paths, prefixed by the namespace path outside the root namespace —
 * the form Vault itself accepts (`team-a/auth/approle/role/web`) — so ids of two namespaces
 * never collide.
 */

/** An auth method or secrets engine mount; id = `[<ns>/]auth/approle/` or `[<ns>/]secret/`. */
export const MOUNT_TYPE = "vault.mount";
/** An AppRole; id = `[<ns>/]auth/<mount>/role/<name>`. */
export const APPROLE_TYPE = "vault.approle";
/** A secret id of an AppRole; id = `<approle id>/secret-id/<accessor>` (the accessor, never the secret id). */
export const SECRET_ID_TYPE = "vault.approle_secret_id";
/** A token; id = `[<ns>/]auth/token/accessors/<accessor>` (the accessor, never the token). */
export const TOKEN_TYPE = "vault.token";
/** A KV v2 secret (its metadata only); id = `[<ns>/]<mount>/<path>`. */
export const KV_SECRET_TYPE = "vault.kv_secret";
/** A person, by lowercased e-mail (people directory). */
export const PERSON_TYPE = "person";

/** `team-a/` or "" for the root namespace. */
export const namespacePrefix = (namespace: string): string => (namespace === "" ? "" : `${namespace}/`);

export const mountRef = (namespace: string, apiPath: string): ExternalRef => ({
  externalType: MOUNT_TYPE,
  externalId: `${namespacePrefix(namespace)}${apiPath}`,
});
export const approleRef = (namespace: string, rolePath: string): ExternalRef => ({
  externalType: APPROLE_TYPE,
  externalId: `${namespacePrefix(namespace)}${rolePath}`,
});
export const personRef = (email: string): ExternalRef => ({ externalType: PERSON_TYPE, externalId: email.toLowerCase() });
