import { z } from "zod";

/*
 * One source = one Vault (or OpenBao) cluster, read through its HTTP API by one token: either a
 * token given as it is, or one obtained by an AppRole login (role_id + secret_id) at the start of
 * each sync. Vault Enterprise namespaces are scopes of their own (`X-Vault-Namespace`).
 *
 * The two `allow…` switches exist for tests and on-premise clusters on private addresses; both
 * stay off by default so that a typo cannot send the token somewhere private.
 */

/** Scope id of the root namespace (Vault's own name for it in `sys/namespaces`). */
export const ROOT_NAMESPACE = "root";

/** Lookups (one HTTP call each) made per page of a listing: a page is a unit of progress and retry. */
export const DEFAULT_PAGE_SIZE = 50;

/** `team-a/`, `team-a/ops/`: Vault's path form of a namespace, without a leading slash. */
const namespaceSchema = z
  .string()
  .trim()
  .transform((ns) => ns.replace(/^\/+|\/+$/g, ""))
  .refine((ns) => ns === "" || /^[\w.-]+(?:\/[\w.-]+)*$/.test(ns), "must be a namespace path such as team-a or team-a/ops");

const urlSchema = z.url().refine((url) => /^https?:\/\//.test(url), "must be an http(s) URL");

export const vaultConfigSchema = z
  .object({
    /** Vault's address, e.g. https://vault.example.com:8200 (the `/v1` API prefix is added). */
    address: urlSchema,
    /** A token with the read-only policy of docs/connectors/vault.md: a secret field. */
    token: z.string().min(1).optional(),
    /** AppRole login instead of a token: the role id (treated as a secret, like a user name + password pair). */
    roleId: z.string().min(1).optional(),
    /** The AppRole's secret id: a secret field. */
    secretId: z.string().min(1).optional(),
    /** Mount path of the AppRole auth method used to log in. */
    approleLoginMount: z.string().trim().min(1).default("approle"),
    /** Namespace the AppRole login happens in; root when omitted. */
    loginNamespace: namespaceSchema.optional(),
    /** Namespaces to inventory, one scope each; "" (the default) is the root namespace. */
    namespaces: z.array(namespaceSchema).min(1).default([""]),
    /** Also list each AppRole's secret-id accessors and look each one up (creation, expiry, uses). */
    includeSecretIds: z.boolean().default(true),
    /**
     * Environment per namespace and/or mount path, e.g. `{ "team-a/": "prod", "secret-dev/": "dev" }`.
     * The longest key that prefixes `<namespace>/<mount path>` wins.
     */
    environments: z.record(z.string().trim().min(1), z.string().trim().min(1)).default({}),
    pageSize: z.number().int().min(1).max(500).default(DEFAULT_PAGE_SIZE),
    /** Same meaning as the guarded HTTP client's options: loopback/private addresses, plain http. */
    allowPrivateNetworks: z.boolean().default(false),
    allowInsecureHttp: z.boolean().default(false),
    /** PEM of a CA to trust besides the public roots (a private PKI's, a test server's). */
    caCertificate: z.string().includes("-----BEGIN CERTIFICATE-----", { message: "must be a PEM certificate" }).optional(),
  })
  .refine((config) => (config.token === undefined) !== (config.roleId === undefined && config.secretId === undefined), {
    message: "give either token or roleId + secretId",
    path: ["token"],
  })
  .refine((config) => (config.roleId === undefined) === (config.secretId === undefined), {
    message: "roleId and secretId go together",
    path: ["secretId"],
  });
export type VaultConfig = z.output<typeof vaultConfigSchema>;

/** The scope id of a namespace path ("" → "root"). */
export const scopeIdOf = (namespace: string): string => (namespace === "" ? ROOT_NAMESPACE : namespace);
/** The namespace path of a scope id ("root" → ""). */
export const namespaceOf = (scopeId: string): string => (scopeId === ROOT_NAMESPACE ? "" : scopeId);
