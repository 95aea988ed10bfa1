import { z } from "zod";

/*
 * One source = a list of Google Cloud projects read by one principal. Keyward authenticates
 * either with a service-account key file (google-auth-library signs a JWT and trades it for an
 * access token) or with an access token someone minted for it (e.g. by impersonation).
 *
 * The endpoint overrides exist for tests and private Google endpoints; tests point them at a
 * local server and therefore also need the two `allow…` switches. Both stay off in production
 * so that a typo cannot send a signed assertion somewhere private.
 */

/** Google's documented project id shape: 6–30 lowercase letters, digits and hyphens. */
export const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** serviceAccounts.list allows up to 100 per page. */
export const DEFAULT_PAGE_SIZE = 100;

/** Read-only is enough for every call the connector makes (list, get, getIamPolicy). */
export const READ_ONLY_SCOPE = "https://www.googleapis.com/auth/cloud-platform.read-only";

export const projectIdSchema = z.string().trim().regex(PROJECT_ID, "must be a Google Cloud project id");

/** The parts of a service-account key file (`gcloud iam service-accounts keys create`) Keyward uses. */
export const serviceAccountKeySchema = z.object({
  type: z.literal("service_account", "must be a service account key file"),
  client_email: z.email(),
  private_key: z.string().includes("PRIVATE KEY", { message: "must hold a PEM private key" }),
  private_key_id: z.string().optional(),
  project_id: z.string().optional(),
});
export type ServiceAccountKey = z.output<typeof serviceAccountKeySchema>;

/**
 * The key file's JSON text, as pasted on the setup page. A JSON syntax error is reported without
 * the parser's message, which quotes the text around the error — possibly the private key.
 */
const serviceAccountKeyTextSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be the JSON text of a service account key file" });
      return z.NEVER;
    }
  })
  .pipe(serviceAccountKeySchema);

const endpointSchema = z.url().refine((url) => /^https?:\/\//.test(url), "must be an http(s) URL");

export const gcpConfigSchema = z
  .object({
    /** Projects to inventory: one scope each. */
    projectIds: z.array(projectIdSchema).min(1, "name at least one project"),
    /** A service-account key file's JSON: a secret field (encrypted at rest, write-only). */
    serviceAccountKey: serviceAccountKeyTextSchema.optional(),
    /** Alternatively, an OAuth 2.0 access token (short-lived; for one-off syncs). A secret field. */
    accessToken: z.string().min(1).optional(),
    /**
     * OAuth 2.0 token endpoint the key's signed assertion is sent to. Default: Google's
     * (https://oauth2.googleapis.com/token). The key file's own `token_uri` is deliberately not
     * followed: whoever can edit a key file could otherwise collect assertions.
     */
    tokenUri: endpointSchema.optional(),
    /** IAM API root, default https://iam.googleapis.com/. */
    iamRootUrl: endpointSchema.optional(),
    /** Cloud Resource Manager API root, default https://cloudresourcemanager.googleapis.com/. */
    resourceManagerRootUrl: endpointSchema.optional(),
    /** Environment per project id, e.g. `{ "acme-payments-prod": "prod" }`. */
    environments: z.record(z.string(), z.string().trim().min(1)).default({}),
    pageSize: z.number().int().min(1).max(100).default(DEFAULT_PAGE_SIZE),
    /** Same meaning as the guarded HTTP client's options: loopback/private addresses, plain http. */
    allowPrivateNetworks: z.boolean().default(false),
    allowInsecureHttp: z.boolean().default(false),
  })
  .refine((config) => (config.serviceAccountKey === undefined) !== (config.accessToken === undefined), {
    message: "give exactly one of serviceAccountKey and accessToken",
    path: ["serviceAccountKey"],
  });
export type GcpConfig = z.output<typeof gcpConfigSchema>;
