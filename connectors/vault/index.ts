import { defineConnector } from "../sdk";
import { checkVault } from "./check";
import { scopeIdOf, vaultConfigSchema } from "./config";
import { vaultFormats } from "./formats/vault-formats";
import { approleRolesStream } from "./streams/approle-roles";
import { approleSecretIdsStream } from "./streams/approle-secret-ids";
import { kvSecretsStream } from "./streams/kv-secrets";
import { mountsStream } from "./streams/mounts";
import { tokensStream } from "./streams/tokens";

/**
 * HashiCorp Vault / OpenBao through its HTTP API: auth and secrets engine mounts, AppRoles (TTLs,
 * secret-id limits, CIDR bindings) and their secret ids, tokens by accessor (TTL, policies,
 * root, orphan), and KV v2 secrets by their metadata — never a value. See docs/connectors/vault.md.
 */
export const vaultConnector = defineConnector({
  provider: "vault",
  displayName: "HashiCorp Vault / OpenBao",
  configSchema: vaultConfigSchema,
  secretFields: ["token", "roleId", "secretId"],
  permissions: [
    { stream: "mounts", permission: "read sys/auth", why: "find the auth methods, AppRole mounts among them" },
    { stream: "mounts", permission: "read sys/mounts", why: "find the secrets engines, KV version 2 mounts among them" },
    { stream: "approle-roles", permission: "list auth/<approle mount>/role", why: "list the AppRoles of each AppRole mount" },
    {
      stream: "approle-roles",
      permission: "read auth/<approle mount>/role/*",
      why: "read each AppRole's TTLs, secret-id limits, CIDRs and policies",
    },
    {
      stream: "approle-secret-ids",
      permission: "list auth/<approle mount>/role/*/secret-id",
      why: "list the accessors of each AppRole's secret ids (never the secret ids)",
    },
    {
      stream: "approle-secret-ids",
      permission: "update auth/<approle mount>/role/*/secret-id-accessor/lookup",
      why: "read a secret id's creation, expiry, use limit and metadata by its accessor (a POST that changes nothing)",
    },
    {
      stream: "tokens",
      permission: "list + sudo auth/token/accessors",
      why: "list token accessors; Vault requires sudo for this list",
    },
    {
      stream: "tokens",
      permission: "update auth/token/lookup-accessor",
      why: "read a token's TTL, policies, creation and expiry by its accessor (a POST that changes nothing; the token is not returned)",
    },
    { stream: "kv-secrets", permission: "list <kv mount>/metadata/*", why: "walk the KV version 2 tree" },
    {
      stream: "kv-secrets",
      permission: "read <kv mount>/metadata/*",
      why: "read each secret's metadata (versions, dates, custom metadata); never <kv mount>/data/*",
    },
  ],
  check: checkVault,
  // One scope per namespace ("root" for the root namespace), each listed completely per stream.
  scopes: async (ctx) =>
    [...new Set(ctx.config.namespaces)].map((namespace) => ({
      id: scopeIdOf(namespace),
      label: namespace ? `Vault namespace ${namespace}` : "Vault root namespace",
    })),
  streams: [mountsStream, approleRolesStream, approleSecretIdsStream, tokensStream, kvSecretsStream],
  formats: vaultFormats,
});
