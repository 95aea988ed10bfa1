import { z } from "zod";

/*
 * One source = one set of AWS credentials and the accounts they reach: the credentials' own account,
 * or each listed account through `sts:AssumeRole`. Endpoint overrides exist for GovCloud/China-style
 * endpoints and for tests, which point them at a local server and therefore also need the two
 * `allow…` switches; both stay off in production so a typo cannot send signed requests somewhere private.
 */

/** Regions read for the regional services when none are configured (EC2's region listing is not used). */
export const DEFAULT_REGIONS = ["us-east-1"] as const;

/** Attempts per AWS call, the first included; the SDK backs off between them (throttling included). */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** Items per listing page (IAM MaxItems, Secrets Manager MaxResults, ACM MaxItems). */
export const DEFAULT_PAGE_SIZE = 100;

/** Calls made at once for the per-user / per-role / per-certificate details of one page. */
export const DETAIL_CONCURRENCY = 4;

const accountIdSchema = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");
const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as us-east-1");
const tagKeysSchema = z.array(z.string().trim().min(1)).min(1);
/** Regular expressions (JavaScript syntax, matched case-insensitively) over IAM user names. */
const patternListSchema = z.array(
  z.string().refine((source) => {
    try {
      new RegExp(source, "i");
      return true;
    } catch {
      return false;
    }
  }, "must be a valid regular expression"),
);

export const accountSchema = z.strictObject({
  accountId: accountIdSchema,
  /** Role Keyward assumes in that account; omit for the credentials' own account. */
  roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, "must be an IAM role ARN").optional(),
  /** `sts:ExternalId` the role's trust policy requires, if any. */
  externalId: z.string().min(2).optional(),
});
export type AwsAccount = z.output<typeof accountSchema>;

export const awsConfigSchema = z.object({
  /** Static credentials (secret fields); omit all three to use the SDK's default credential chain. */
  accessKeyId: z.string().min(16).optional(),
  secretAccessKey: z.string().min(1).optional(),
  sessionToken: z.string().min(1).optional(),
  /** Accounts to inventory; empty = the account of the credentials (from sts:GetCallerIdentity). */
  accounts: z.array(accountSchema).default([]),
  /** Regions of Secrets Manager and ACM; EC2's enabled-region listing is not used. */
  regions: z.array(regionSchema).min(1).default([...DEFAULT_REGIONS]),
  /** Environment per account id (e.g. `{ "123456789012": "prod" }`); an environment tag wins. */
  environments: z.record(accountIdSchema, z.string().trim().min(1)).default({}),
  /** Tag keys (case-insensitive) naming an owner's e-mail, a team and an environment. */
  ownerTagKeys: tagKeysSchema.default(["owner", "owner-email", "owner_email", "contact"]),
  teamTagKeys: tagKeysSchema.default(["team", "owner-team"]),
  environmentTagKeys: tagKeysSchema.default(["environment", "env", "stage"]),
  /** IAM user names that are people's (first.last, an e-mail address). */
  humanUserPatterns: patternListSchema.default(["@", "^[a-z]+[._][a-z]+$"]),
  /** IAM user names that are machines'; checked before the human patterns. */
  machineUserPatterns: patternListSchema.default([
    "^(svc|sa|srv|app|bot|ci|cd|deploy|terraform|jenkins|github|gitlab)[-_.]",
    "[-_.](svc|sa|bot|ci|deploy|deployer|service|automation|integration)$",
  ]),
  /** Endpoint overrides (one URL per service, every region): private endpoints, tests. */
  endpoints: z
    .strictObject({
      iam: z.url().optional(),
      sts: z.url().optional(),
      secretsManager: z.url().optional(),
      acm: z.url().optional(),
    })
    .default({}),
  pageSize: z.number().int().min(1).max(100).default(DEFAULT_PAGE_SIZE),
  maxAttempts: z.number().int().min(1).max(10).default(DEFAULT_MAX_ATTEMPTS),
  /** Same meaning as the guarded HTTP client's options: loopback/private addresses, plain http. */
  allowPrivateNetworks: z.boolean().default(false),
  allowInsecureHttp: z.boolean().default(false),
});
export type AwsConfig = z.output<typeof awsConfigSchema>;
