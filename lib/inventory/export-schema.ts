import { z } from "zod";

/*
 * The export document, version `inventory/v1` (docs/export-schema/v1.md), as a zod schema: the
 * TypeScript types derive from it and docs/export-schema/v1.schema.json is generated from it
 * (export-schema.test.ts fails when the file is stale). Within a version fields are only added,
 * never renamed or removed. Timestamps are ISO-8601 UTC; unknown values are null.
 */

export const EXPORT_FORMAT = "inventory/v1";

const instant = z.iso.datetime({ offset: true });
const nullableInstant = instant.nullable();
const text = z.string();
const nullableText = z.string().nullable();

export const exportOwnerSchema = z
  .object({ email: nullableText, team: z.string().optional(), provenance: text })
  .describe("Accountable owner and where that came from (e.g. an `owner` tag), or null when there is none.");
export const exportRefSchema = z.object({ externalType: text, externalId: text }).describe("A record as its source names it.");
export const exportLocationSchema = z.object({
  source: nullableText,
  path: nullableText.describe("File or path where the credential (or its value) was found."),
  line: z.number().int().nullable(),
  commit: nullableText,
  historyOnly: z.boolean().nullable().describe("True when the value exists only in git history."),
});

const tracking = {
  firstSeenAt: instant.describe("When Keyward first loaded the record."),
  lastChangedAt: instant.describe("When Keyward last saw a change of it."),
  goneSince: nullableInstant.describe("When a complete sync stopped seeing it (as of `asOf`), else null."),
};
const sourced = {
  id: text.describe("Keyward's id of the record (differs between installations)."),
  source: text.describe(
    "Provider of the source: aws, gcp, azure, github, gitlab, kubernetes, vault, certificates, code, terraform, postgres, mysql, mcp, keyward, people.",
  ),
  sourceName: text.describe("Name of the configured source."),
  scope: text.describe("Unit the source enumerated (account/region, cluster, import)."),
};
const node = { externalType: text, externalId: text, name: text, type: text, environment: nullableText };
const attributes = z.record(z.string(), z.unknown());

export const exportIdentitySchema = z.object({
  ...sourced,
  ...node,
  status: text.describe("active, inactive, unknown — or gone when retired as of `asOf`."),
  owner: exportOwnerSchema.nullable(),
  createdAt: nullableInstant,
  lastActivityAt: nullableInstant,
  isHuman: z.boolean().nullable(),
  interactive: z.boolean().nullable(),
  purpose: nullableText,
  endDate: nullableInstant,
  businessService: nullableText,
  attributes,
  tags: z.record(z.string(), z.string()),
  ...tracking,
});

export const exportCredentialSchema = z.object({
  ...sourced,
  ...node,
  status: text.describe("active, inactive, expired, revoked, unknown — or gone."),
  identityId: nullableText.describe("id of the identity in `identities`, when resolved."),
  identityRef: exportRefSchema.nullable(),
  owner: exportOwnerSchema.nullable().describe("The owner of the credential's identity."),
  createdAt: nullableInstant,
  lastRotatedAt: nullableInstant,
  lastUsedAt: nullableInstant,
  expiresAt: nullableInstant,
  algorithm: nullableText,
  keySize: z.number().int().nullable(),
  fingerprint: z
    .string()
    .regex(/^hmac-sha256:[0-9a-f]{64}$/)
    .nullable()
    .describe("HMAC-SHA256 of the secret value under the exporting instance's key; equal values ⇒ equal fingerprints."),
  thumbprint: nullableText,
  maskedHint: nullableText,
  locations: z.array(exportLocationSchema),
  attributes,
  tags: z.record(z.string(), z.string()),
  ...tracking,
});

export const exportResourceSchema = z.object({
  ...sourced,
  ...node,
  status: z.enum(["active", "gone"]),
  attributes,
  ...tracking,
});

export const exportEdgeSchema = z.object({
  ...sourced,
  type: text.describe("has_credential, can_assume, has_permission, stored_in, owned_by, part_of_service, member_of."),
  from: exportRefSchema,
  to: exportRefSchema,
  fromId: nullableText,
  toId: nullableText,
  level: nullableText.describe("read, write or admin for has_permission."),
  status: z.enum(["active", "gone"]),
  attributes,
  ...tracking,
});

export const exportPersonSchema = z.object({
  id: text,
  externalId: text,
  email: text,
  name: nullableText,
  team: nullableText,
  manager: nullableText.describe("The manager's e-mail."),
  status: z.enum(["active", "left", "gone"]),
  ...tracking,
});

export const exportFindingSchema = z.object({
  id: text,
  rule: text.describe("Policy id, e.g. credential-max-age (PRODUCT.md, Built-in policies)."),
  severity: text,
  owasp: text.describe("OWASP Non-Human Identities Top 10 category, e.g. NHI7."),
  status: text.describe("open, resolved, accepted or suppressed, as of `asOf`."),
  subjectType: z.enum(["identity", "credential"]).or(text),
  subjectId: text,
  evidence: z.unknown(),
  firstSeenAt: instant,
  lastSeenAt: instant,
  resolvedAt: nullableInstant,
  justification: nullableText,
  acceptedUntil: nullableInstant,
});

export const exportDocumentSchema = z
  .object({
    keyward: z.literal(EXPORT_FORMAT).describe("Format and version of this document."),
    asOf: instant.describe("The instant the document describes."),
    identities: z.array(exportIdentitySchema),
    credentials: z.array(exportCredentialSchema),
    resources: z.array(exportResourceSchema),
    edges: z.array(exportEdgeSchema),
    people: z.array(exportPersonSchema),
    findings: z.array(exportFindingSchema),
  })
  .describe("Keyward inventory export, inventory/v1");
