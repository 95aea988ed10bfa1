import { z } from "zod";

/*
 * One source = one or more top-level GitLab groups (with their subgroups and projects) read by one
 * token: a personal, group or service-account access token (sent as `PRIVATE-TOKEN`) or an OAuth
 * token (sent as `Authorization: Bearer`). `host` points at a self-managed instance or, in tests,
 * at a local server; the latter also needs the two `allow…` switches, which stay off in production
 * so that a typo cannot send the token somewhere private.
 */

/** GitLab.com. */
export const DEFAULT_HOST = "https://gitlab.com";

/** The REST API's largest page. */
export const DEFAULT_PER_PAGE = 100;

/** A group's id (numeric) or full path (`acme`, `acme/platform`). */
const groupSchema = z.union([
  z.number().int().positive().transform(String),
  z
    .string()
    .trim()
    .min(1)
    .regex(/^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)*$/, "must be a group id or full path"),
]);

const hostSchema = z
  .url()
  .refine((url) => /^https?:\/\//.test(url), "must be an http(s) URL")
  .refine((url) => !/\/api\/v4\/?$/.test(url), "give the instance root, without /api/v4")
  .transform((url) => url.replace(/\/+$/, ""));

export const gitlabConfigSchema = z.object({
  /** Groups to inventory, by id or full path: one scope each. */
  groups: z.array(groupSchema).min(1, "name at least one group"),
  /** The access token: a secret field. */
  token: z.string().min(1),
  /** `private`: PRIVATE-TOKEN header (personal/group/project access token); `oauth`: Bearer. */
  tokenType: z.enum(["private", "oauth"]).default("private"),
  /** Instance root, e.g. `https://gitlab.acme.example` for self-managed GitLab. */
  host: hostSchema.default(DEFAULT_HOST),
  /** Read subgroups (and their projects) too. */
  includeSubgroups: z.boolean().default(true),
  /** Environment per group or project full path: `{ "acme": "prod", "acme/sandbox": "dev" }`; the longest match wins. */
  environments: z.record(z.string(), z.string().trim().min(1)).default({}),
  perPage: z.number().int().min(1).max(100).default(DEFAULT_PER_PAGE),
  /** Same meaning as the guarded HTTP client's options: loopback/private addresses, plain http. */
  allowPrivateNetworks: z.boolean().default(false),
  allowInsecureHttp: z.boolean().default(false),
});
export type GitlabConfig = z.output<typeof gitlabConfigSchema>;

/**
 * The environment configured for a group or project full path: the entry of the longest path
 * that is the path itself or one of its ancestors (`acme/platform/api` → `acme/platform` → `acme`).
 */
export function environmentOf(config: Pick<GitlabConfig, "environments">, fullPath: string | undefined): string | undefined {
  if (!fullPath) return undefined;
  const byKey = new Map(
    Object.entries(config.environments).map(([key, value]) => [key.toLowerCase().replace(/\/+$/, ""), value]),
  );
  const segments = fullPath.toLowerCase().split("/");
  for (let length = segments.length; length > 0; length -= 1) {
    const environment = byKey.get(segments.slice(0, length).join("/"));
    if (environment) return environment;
  }
  return undefined;
}
