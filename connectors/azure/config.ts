import { z } from "zod";

/*
 * One source = one Entra ID tenant, read by one app registration with a client secret. The
 * endpoint overrides exist for sovereign clouds (login.microsoftonline.us, graph.microsoft.us…)
 * and for tests, which point them at a local server and therefore also need the two `allow…`
 * switches; both stay off in production so a typo cannot send the secret somewhere private.
 */

/** Public-cloud Microsoft Graph v1.0. */
export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

/** Graph's default page is 100; 999 is its maximum for directory objects. */
export const DEFAULT_PAGE_SIZE = 100;

const guid = z.guid("must be a GUID");

export const azureConfigSchema = z.object({
  /** Directory (tenant) id: the one scope of this source. */
  tenantId: guid,
  /** Application (client) id of the app registration Keyward signs in as. */
  clientId: guid,
  /** Its client secret: a secret field (encrypted at rest, write-only). */
  clientSecret: z.string().min(1),
  /** Microsoft Entra authority, e.g. https://login.microsoftonline.us; MSAL requires https. */
  authorityHost: z
    .url()
    .refine((url) => url.startsWith("https://"), "must be an https URL")
    .optional(),
  /** Microsoft Graph base URL including the version segment. */
  graphBaseUrl: z.url().default(DEFAULT_GRAPH_BASE_URL),
  /** Environment per tenant id (e.g. `{ "<tenant id>": "prod" }`); an `env:` tag on an object wins. */
  environments: z.record(guid, z.string().trim().min(1)).default({}),
  pageSize: z.number().int().min(1).max(999).default(DEFAULT_PAGE_SIZE),
  /** Same meaning as the guarded HTTP client's options: loopback/private addresses, plain http. */
  allowPrivateNetworks: z.boolean().default(false),
  allowInsecureHttp: z.boolean().default(false),
  /** PEM of a CA to trust besides the public roots (a TLS-inspecting proxy's, a test server's). */
  caCertificate: z.string().includes("-----BEGIN CERTIFICATE-----", { message: "must be a PEM certificate" }).optional(),
});
export type AzureConfig = z.output<typeof azureConfigSchema>;

/** OAuth scope of Microsoft Graph in the configured cloud: `<graph origin>/.default`. */
export function graphScopeOf(config: AzureConfig): string {
  return `${new URL(config.graphBaseUrl).origin}/.default`;
}
