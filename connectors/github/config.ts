import { z } from "zod";

/*
 * One source = one or more GitHub organizations read by one principal: a GitHub App installation
 * (Keyward signs a short-lived JWT with the App's private key and trades it for an installation
 * token) or a token someone minted for it (a fine-grained PAT, or an installation token).
 *
 * `baseUrl` points at GitHub Enterprise Server (`https://HOST/api/v3`) or, in tests, at a local
 * server; the latter also needs the two `allow…` switches, which stay off in production so that a
 * typo cannot send the token somewhere private.
 */

/** GitHub's login rule for organizations: alphanumerics and single inner hyphens, up to 39. */
export const ORG_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** GitHub's REST API on github.com. */
export const DEFAULT_BASE_URL = "https://api.github.com";

/** The REST API's largest page. */
export const DEFAULT_PER_PAGE = 100;

const orgLoginSchema = z.string().trim().regex(ORG_LOGIN, "must be a GitHub organization login");

const endpointSchema = z
  .url()
  .refine((url) => /^https?:\/\//.test(url), "must be an http(s) URL")
  .transform((url) => url.replace(/\/+$/, ""));

const privateKeySchema = z.string().includes("PRIVATE KEY", { message: "must be the App's PEM private key" });

export const githubConfigSchema = z
  .object({
    /** Organizations to inventory: one scope each. */
    organizations: z.array(orgLoginSchema).min(1, "name at least one organization"),
    /** A token (fine-grained PAT or installation token): a secret field. */
    token: z.string().min(1).optional(),
    /** GitHub App id (or client id), used as the JWT issuer. */
    appId: z.union([z.string().trim().min(1), z.number().int().positive()]).optional(),
    /** Installation of that App on the organizations. */
    appInstallationId: z.number().int().positive().optional(),
    /** The App's PEM private key: a secret field. It only ever signs the JWT. */
    appPrivateKey: privateKeySchema.optional(),
    /** REST API root; `https://HOST/api/v3` for GitHub Enterprise Server. */
    baseUrl: endpointSchema.default(DEFAULT_BASE_URL),
    /** Environment per organization or repository: `{ "acme": "prod", "acme/sandbox": "dev" }`; a repository wins. */
    environments: z.record(z.string(), z.string().trim().min(1)).default({}),
    perPage: z.number().int().min(1).max(100).default(DEFAULT_PER_PAGE),
    /** Same meaning as the guarded HTTP client's options: loopback/private addresses, plain http. */
    allowPrivateNetworks: z.boolean().default(false),
    allowInsecureHttp: z.boolean().default(false),
  })
  .refine(
    (config) => {
      const app = [config.appId, config.appInstallationId, config.appPrivateKey].filter((v) => v !== undefined).length;
      return config.token === undefined ? app === 3 : app === 0;
    },
    { message: "give either token, or appId with appInstallationId and appPrivateKey", path: ["token"] },
  );
export type GithubConfig = z.output<typeof githubConfigSchema>;

/** The environment configured for an organization or one of its repositories (`org/repo`). */
export function environmentOf(config: Pick<GithubConfig, "environments">, org: string, repo?: string): string | undefined {
  const byKey = new Map(Object.entries(config.environments).map(([key, value]) => [key.toLowerCase(), value]));
  return (repo ? byKey.get(`${org}/${repo}`.toLowerCase()) : undefined) ?? byKey.get(org.toLowerCase());
}
