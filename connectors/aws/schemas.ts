import { z } from "zod";

/*
 * Raw items, as the AWS SDK returns them (JSON round-tripped by the listings, so dates are ISO
 * strings) and as the AWS CLI v2 prints them. Unknown fields are dropped by zod, which is also how
 * a `SecretAccessKey` or `SecretString` someone saved along with an export never reaches a transform.
 */

/** ISO-8601 with a zone (CLI v2: `2019-04-30T17:44:39+00:00`; SDK JSON: `…Z`). */
const timestamp = z.string().min(1);

export const tagSchema = z.object({ Key: z.string().min(1), Value: z.string().default("") });
export type AwsTag = z.output<typeof tagSchema>;

const stringOrList = z.union([z.string(), z.array(z.string())]);
const conditionValues = z.union([stringOrList, z.boolean(), z.number(), z.array(z.union([z.string(), z.boolean(), z.number()]))]);

export const statementSchema = z.object({
  Sid: z.string().optional(),
  Effect: z.enum(["Allow", "Deny"]),
  Principal: z.union([z.literal("*"), z.record(z.string(), stringOrList)]).optional(),
  NotPrincipal: z.unknown().optional(),
  Action: stringOrList.optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  /** `{ operator: { key: value | values } }`, e.g. `{ StringLike: { "…:sub": "repo:org/*" } }`. */
  Condition: z.record(z.string(), z.record(z.string(), conditionValues)).optional(),
});
export type PolicyStatement = z.output<typeof statementSchema>;

/** IAM answers policy documents URL-encoded; the CLI prints them decoded; files may hold either. */
function decodePolicyDocument(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trimStart().startsWith("{") ? value : decodeURIComponent(value);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

export const policyDocumentSchema = z.preprocess(
  decodePolicyDocument,
  z.object({
    Version: z.string().optional(),
    Statement: z.union([statementSchema, z.array(statementSchema)]).transform((s) => (Array.isArray(s) ? s : [s])),
  }),
);
export type PolicyDocument = z.output<typeof policyDocumentSchema>;

/** The policies of a user or role, gathered by the live listing. */
export const policiesSchema = z.object({
  attached: z
    .array(z.object({ PolicyName: z.string(), PolicyArn: z.string(), Document: policyDocumentSchema.optional() }))
    .default([]),
  inline: z.array(z.object({ PolicyName: z.string(), PolicyDocument: policyDocumentSchema })).default([]),
});
export type Policies = z.output<typeof policiesSchema>;

/** Source settings that shape classification; stamped on live items (offline: the defaults). */
export const conventionsSchema = z.object({
  ownerTagKeys: z.array(z.string()),
  teamTagKeys: z.array(z.string()),
  environmentTagKeys: z.array(z.string()),
  humanUserPatterns: z.array(z.string()),
  machineUserPatterns: z.array(z.string()),
});
export type Conventions = z.output<typeof conventionsSchema>;

/** What the item's listing (or import) knew besides the payload. */
export const itemContextSchema = z.object({
  observedAt: timestamp,
  /** The account the item was read from (live) or that the import path names. */
  accountId: z.string().regex(/^\d{12}$/).optional(),
  partition: z.string().optional(),
  region: z.string().optional(),
  /** From the config's account → environment map (live only). */
  environment: z.string().optional(),
  /** False when the export carries no last-use data (`list-access-keys`). */
  usageTracked: z.boolean().optional(),
  conventions: conventionsSchema.optional(),
});
export type ItemContext = z.output<typeof itemContextSchema>;

// ---- account -------------------------------------------------------------------------------

/** `sts get-caller-identity` (+ `iam list-account-aliases`, live). */
export const accountItemSchema = z.object({
  Account: z.string().regex(/^\d{12}$/),
  Arn: z.string().optional(),
  AccountAliases: z.array(z.string()).default([]),
  keyward: itemContextSchema.optional(),
});
export type AccountItem = z.output<typeof accountItemSchema>;

// ---- users -----------------------------------------------------------------------------------

export const iamUserSchema = z.object({
  UserName: z.string().min(1),
  UserId: z.string().optional(),
  Arn: z.string().min(1),
  Path: z.string().default("/"),
  CreateDate: timestamp.optional(),
  PasswordLastUsed: timestamp.optional(),
  PermissionsBoundary: z.object({ PermissionsBoundaryArn: z.string().optional() }).optional(),
});

/** A user as the live listing assembles it: ListUsers + tags, login profile, MFA, policies. */
export const liveUserItemSchema = z.object({
  User: iamUserSchema,
  Tags: z.array(tagSchema).default([]),
  /** null: the user has no console password (GetLoginProfile answered NoSuchEntity). */
  LoginProfile: z.object({ CreateDate: timestamp.optional(), PasswordResetRequired: z.boolean().optional() }).nullable(),
  MFADevices: z.array(z.object({ SerialNumber: z.string(), EnableDate: timestamp.optional() })).default([]),
  Policies: policiesSchema.optional(),
  keyward: itemContextSchema,
});
export type LiveUserItem = z.output<typeof liveUserItemSchema>;

const reportCell = z.string();
const keySlotColumns = (n: 1 | 2) => ({
  [`access_key_${n}_active`]: reportCell,
  [`access_key_${n}_last_rotated`]: reportCell,
  [`access_key_${n}_last_used_date`]: reportCell,
  [`access_key_${n}_last_used_region`]: reportCell,
  [`access_key_${n}_last_used_service`]: reportCell,
});

/** One row of the IAM credential report, by its documented column names. */
export const credentialReportRowSchema = z.object({
  user: reportCell.min(1),
  arn: reportCell.min(1),
  user_creation_time: reportCell,
  password_enabled: reportCell,
  password_last_used: reportCell,
  password_last_changed: reportCell,
  password_next_rotation: reportCell.optional(),
  mfa_active: reportCell,
  ...keySlotColumns(1),
  ...keySlotColumns(2),
  cert_1_active: reportCell.optional(),
  cert_2_active: reportCell.optional(),
});
export type CredentialReportRow = z.output<typeof credentialReportRowSchema> & Record<string, string | undefined>;

export const reportUserItemSchema = z.object({ CredentialReportRow: credentialReportRowSchema, keyward: itemContextSchema.optional() });
export type ReportUserItem = z.output<typeof reportUserItemSchema>;

/** `iam list-user-tags` saved apart from its user, who is named by the file's path. */
export const userTagsItemSchema = z.object({
  UserTagsOf: z.object({ accountId: z.string().regex(/^\d{12}$/), userName: z.string().min(1), partition: z.string().optional() }),
  Tags: z.array(tagSchema),
  keyward: itemContextSchema.optional(),
});
export type UserTagsItem = z.output<typeof userTagsItemSchema>;

export const userItemSchema = z.union([liveUserItemSchema, reportUserItemSchema, userTagsItemSchema]);
export type UserItem = z.output<typeof userItemSchema>;

// ---- access keys -----------------------------------------------------------------------------

export const accessKeyMetadataSchema = z.object({
  UserName: z.string().min(1),
  AccessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, "must be an access key id"),
  Status: z.enum(["Active", "Inactive", "Expired"]),
  CreateDate: timestamp.optional(),
});

export const accessKeyItemSchema = accessKeyMetadataSchema.extend({
  /** GetAccessKeyLastUsed (live); `ServiceName`/`Region` are "N/A" for a key never used. */
  AccessKeyLastUsed: z
    .object({ LastUsedDate: timestamp.optional(), ServiceName: z.string().optional(), Region: z.string().optional() })
    .optional(),
  keyward: itemContextSchema.optional(),
});
export type AccessKeyItem = z.output<typeof accessKeyItemSchema>;

// ---- roles -----------------------------------------------------------------------------------

export const iamRoleSchema = z.object({
  RoleName: z.string().min(1),
  RoleId: z.string().optional(),
  Arn: z.string().min(1),
  Path: z.string().default("/"),
  CreateDate: timestamp.optional(),
  Description: z.string().optional(),
  MaxSessionDuration: z.number().optional(),
  AssumeRolePolicyDocument: policyDocumentSchema.optional(),
  RoleLastUsed: z.object({ LastUsedDate: timestamp.optional(), Region: z.string().optional() }).optional(),
  PermissionsBoundary: z.object({ PermissionsBoundaryArn: z.string().optional() }).optional(),
  Tags: z.array(tagSchema).default([]),
});

export const roleItemSchema = iamRoleSchema.extend({
  Policies: policiesSchema.optional(),
  keyward: itemContextSchema.optional(),
});
export type RoleItem = z.output<typeof roleItemSchema>;

// ---- Secrets Manager -------------------------------------------------------------------------

export const secretItemSchema = z.object({
  ARN: z.string().min(1),
  Name: z.string().min(1),
  Description: z.string().optional(),
  KmsKeyId: z.string().optional(),
  RotationEnabled: z.boolean().optional(),
  RotationLambdaARN: z.string().optional(),
  RotationRules: z
    .object({ AutomaticallyAfterDays: z.number().optional(), Duration: z.string().optional(), ScheduleExpression: z.string().optional() })
    .optional(),
  LastRotatedDate: timestamp.optional(),
  LastChangedDate: timestamp.optional(),
  LastAccessedDate: timestamp.optional(),
  DeletedDate: timestamp.optional(),
  NextRotationDate: timestamp.optional(),
  CreatedDate: timestamp.optional(),
  Tags: z.array(tagSchema).default([]),
  OwningService: z.string().optional(),
  PrimaryRegion: z.string().optional(),
  keyward: itemContextSchema.optional(),
});
export type SecretItem = z.output<typeof secretItemSchema>;

// ---- ACM -------------------------------------------------------------------------------------

const keyUsages = z.array(z.union([z.string(), z.object({ Name: z.string() })])).optional();

/** ListCertificates' summary or DescribeCertificate's detail: the detail is a superset. */
export const certificateItemSchema = z.object({
  CertificateArn: z.string().min(1),
  DomainName: z.string().optional(),
  SubjectAlternativeNames: z.array(z.string()).optional(),
  SubjectAlternativeNameSummaries: z.array(z.string()).optional(),
  Status: z.string().optional(),
  Type: z.enum(["IMPORTED", "AMAZON_ISSUED", "PRIVATE"]).optional(),
  KeyAlgorithm: z.string().optional(),
  SignatureAlgorithm: z.string().optional(),
  Issuer: z.string().optional(),
  Serial: z.string().optional(),
  InUse: z.boolean().optional(),
  InUseBy: z.array(z.string()).optional(),
  Exported: z.boolean().optional(),
  RenewalEligibility: z.string().optional(),
  KeyUsages: keyUsages,
  ExtendedKeyUsages: keyUsages,
  NotBefore: timestamp.optional(),
  NotAfter: timestamp.optional(),
  CreatedAt: timestamp.optional(),
  IssuedAt: timestamp.optional(),
  ImportedAt: timestamp.optional(),
  RevokedAt: timestamp.optional(),
  keyward: itemContextSchema.optional(),
});
export type CertificateItem = z.output<typeof certificateItemSchema>;
