import { z } from "zod";
import { FINGERPRINT_PATTERN } from "./fingerprint";
import {
  coverageGapReasonSchema,
  credentialStatusSchema,
  credentialTypeSchema,
  edgeTypeSchema,
  identityStatusSchema,
  identityTypeSchema,
  permissionLevelSchema,
  personStatusSchema,
  resourceTypeSchema,
} from "./record-enums";

/*
 * Records are what a stream's transform returns and what lib/sync loads.
 *
 * Every object is strict: an unknown key is an error, not silently dropped, so a misspelt field
 * (`lastUsed` for `lastUsedAt`) or a smuggled `value`/`secret` field fails the connector's tests
 * instead of reaching the database.
 *
 * Timestamps are ISO-8601 strings WITH an offset (`2024-05-01T12:00:00Z`, `…+02:00`), never Date
 * objects: records stay plain JSON (deep-equal comparable, serialisable to the push API and the
 * export unchanged), and a zone-less time — ambiguous by hours — is rejected rather than
 * guessed. Use `toIsoTimestamp()` to normalise provider values.
 */

/** ISO-8601 date-time with `Z` or a numeric offset. */
export const timestampSchema = z.iso.datetime({ offset: true });

const text = z.string().min(1);
/** E-mail addresses are compared case-insensitively everywhere, so they are stored lowercased. */
const emailSchema = z.string().trim().toLowerCase().pipe(z.email());
const jsonMapSchema = z.record(z.string(), z.json()).default({});
const tagMapSchema = z.record(z.string(), z.string()).default({});

/** Natural key of a record inside one source: what edges and `identityRef` point at. */
export const externalRefSchema = z.strictObject({ externalType: text, externalId: text });
export type ExternalRef = z.infer<typeof externalRefSchema>;

/** Owner suggested by the source (a tag, CODEOWNERS, an app's owners list). */
export const ownerHintSchema = z.strictObject({
  email: emailSchema.optional(),
  team: text.optional(),
  /** Where the hint came from, e.g. "aws.tag:owner" — shown to the user as the owner's provenance. */
  provenance: text,
});

export const identityRecordSchema = z.strictObject({
  kind: z.literal("identity"),
  externalType: text,
  externalId: text,
  name: text,
  type: identityTypeSchema,
  status: identityStatusSchema.optional(),
  environment: text.optional(),
  createdAt: timestampSchema.optional(),
  lastActivityAt: timestampSchema.optional(),
  /** null = the source says it cannot tell; undefined = the connector did not look. */
  isHuman: z.boolean().nullable().optional(),
  interactive: z.boolean().nullable().optional(),
  purpose: text.optional(),
  endDate: timestampSchema.optional(),
  businessService: text.optional(),
  ownerHint: ownerHintSchema.optional(),
  attributes: jsonMapSchema,
  tags: tagMapSchema,
});

/** Where a credential (or its value) was found. */
export const credentialLocationSchema = z.strictObject({
  source: text.optional(),
  path: text.optional(),
  line: z.number().int().min(1).optional(),
  commit: text.optional(),
  /** True when the value exists only in git history, not in the current tree. */
  historyOnly: z.boolean().optional(),
});

/** Longest masked hint, in code points (see `maskHint`). */
export const MASKED_HINT_MAX_CHARS = 8;

export const credentialRecordSchema = z.strictObject({
  kind: z.literal("credential"),
  externalType: text,
  externalId: text,
  name: text,
  type: credentialTypeSchema,
  identityRef: externalRefSchema.optional(),
  status: credentialStatusSchema,
  environment: text.optional(),
  createdAt: timestampSchema.optional(),
  lastRotatedAt: timestampSchema.optional(),
  lastUsedAt: timestampSchema.optional(),
  expiresAt: timestampSchema.optional(),
  algorithm: text.optional(),
  keySize: z.number().int().positive().optional(),
  fingerprint: z.string().regex(FINGERPRINT_PATTERN, "must be hmac-sha256:<64 hex>").optional(),
  /** Public, non-secret digest of a certificate or key (e.g. SHA-256 of the DER). */
  thumbprint: text.optional(),
  maskedHint: z
    .string()
    .refine((s) => Array.from(s).length <= MASKED_HINT_MAX_CHARS, {
      message: `must be at most ${MASKED_HINT_MAX_CHARS} characters`,
    })
    .optional(),
  locations: z.array(credentialLocationSchema).default([]),
  attributes: jsonMapSchema,
  tags: tagMapSchema,
});

export const resourceRecordSchema = z.strictObject({
  kind: z.literal("resource"),
  externalType: text,
  externalId: text,
  name: text,
  type: resourceTypeSchema,
  environment: text.optional(),
  attributes: jsonMapSchema,
});

export const personRecordSchema = z.strictObject({
  kind: z.literal("person"),
  externalId: text,
  email: emailSchema,
  name: text.optional(),
  team: text.optional(),
  managerEmail: emailSchema.optional(),
  status: personStatusSchema,
});

/**
 * A relation between two records. The relation is in `type` (not `kind`) because `kind` is the
 * union's discriminator; this keeps `type` meaning "sub-kind" on every record.
 */
export const edgeRecordSchema = z.strictObject({
  kind: z.literal("edge"),
  type: edgeTypeSchema,
  from: externalRefSchema,
  to: externalRefSchema,
  level: permissionLevelSchema.optional(),
  attributes: jsonMapSchema,
});

export const recordSchema = z.discriminatedUnion("kind", [
  identityRecordSchema,
  credentialRecordSchema,
  resourceRecordSchema,
  personRecordSchema,
  edgeRecordSchema,
]);

/** A validated record, defaults applied: what lib/sync receives. */
export type KeywardRecord = z.output<typeof recordSchema>;
/** What a transform may return (defaulted fields such as `attributes` may be omitted). */
export type KeywardRecordInput = z.input<typeof recordSchema>;
export type IdentityRecord = z.output<typeof identityRecordSchema>;
export type CredentialRecord = z.output<typeof credentialRecordSchema>;
export type CredentialLocation = z.output<typeof credentialLocationSchema>;
export type ResourceRecord = z.output<typeof resourceRecordSchema>;
export type PersonRecord = z.output<typeof personRecordSchema>;
export type EdgeRecord = z.output<typeof edgeRecordSchema>;
export type RecordKind = KeywardRecord["kind"];

/**
 * Something a sync could not see. Not a record: it is reported on the sync run, and a stream
 * with a gap for a scope is not "clean", so the sweep retires nothing of that (scope, stream).
 */
export const coverageGapSchema = z.strictObject({
  scope: text,
  stream: text,
  reason: coverageGapReasonSchema,
  detail: z.string(),
});
export type CoverageGap = z.infer<typeof coverageGapSchema>;
