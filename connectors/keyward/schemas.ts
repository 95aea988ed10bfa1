import { z } from "zod";
import {
  credentialStatusSchema,
  credentialTypeSchema,
  edgeTypeSchema,
  EXTERNAL_TYPE_PATTERN,
  FINGERPRINT_PATTERN,
  identityStatusSchema,
  identityTypeSchema,
  MASKED_HINT_MAX_CHARS,
  permissionLevelSchema,
  resourceTypeSchema,
} from "../sdk";
import { CREDENTIAL_EXTERNAL_TYPES, IDENTITY_EXTERNAL_TYPES, RESOURCE_EXTERNAL_TYPES } from "./external-types";

/*
 * Entries of Keyward format v1 (docs/formats/keyward.md). They are deliberately the shape of
 * `keyward export --format json`, so an export imports back: fields only an export carries (ids,
 * provider, load timestamps) are accepted and ignored. Objects are strict, so a misspelt field is
 * an error instead of silently missing data. `null` means "not known", like an absent field.
 */

/** Value of the document's `keyward` key this version reads and the export writes. */
export const INVENTORY_FORMAT = "inventory/v1";

/** Size limits: a hostile or broken file fails validation instead of exhausting memory downstream. */
export const LIMITS = {
  /** Names, ids, short text. */
  text: 1024,
  /** Free text (purpose). */
  longText: 4096,
  /** `attributes` serialised as JSON, in characters. */
  attributesChars: 64 * 1024,
  /** Entries in `tags`. */
  tags: 200,
  /** Places one credential was found. */
  locations: 100,
  /** A credential's secret `value` (fingerprinted, never stored). */
  valueChars: 64 * 1024,
} as const;

const text = z.string().min(1, "must not be empty").max(LIMITS.text, `must be at most ${LIMITS.text} characters`);
const optionalText = text.nullish();
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "must be at most 320 characters")
  .pipe(z.email("must be an e-mail address"));
const timestamp = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], "must be an ISO-8601 date, or a date-time with a zone (Z or +hh:mm)")
  .nullish();
const flag = z.boolean("must be true or false").nullish();
const externalTypeText = text.regex(EXTERNAL_TYPE_PATTERN, 'must look like "provider.object"');

/** What people are referenced as (by e-mail or external id): the loader stores them under this type. */
export const PERSON_REF_TYPE = "person";

export const refSchema = z.strictObject({
  externalType: z.union([z.literal(PERSON_REF_TYPE), externalTypeText], 'must be "person" or look like "provider.object"'),
  externalId: text,
});

export const attributesSchema = z
  .record(text, z.json())
  .refine(
    (value) => JSON.stringify(value).length <= LIMITS.attributesChars,
    `must be at most ${LIMITS.attributesChars} characters as JSON`,
  );

export const tagsSchema = z
  .record(text, z.string().max(LIMITS.text, `must be at most ${LIMITS.text} characters`))
  .refine((tags) => Object.keys(tags).length <= LIMITS.tags, `must have at most ${LIMITS.tags} entries`);

export const ownerSchema = z
  .strictObject({ email: email.nullish(), team: optionalText, provenance: optionalText })
  .refine((owner) => Boolean(owner.email || owner.team), "an owner needs an email or a team");

/** Fields an export writes that an import ignores (they describe the exporting instance). */
const exportOnly = {
  id: z.union([text, z.number()]).nullish(),
  source: optionalText,
  sourceName: optionalText,
  scope: optionalText,
  firstSeenAt: timestamp,
  lastChangedAt: timestamp,
  goneSince: timestamp,
};

/** "gone" appears in exports; such entries are not present, so they load nothing. */
const withGone = <T extends string>(values: readonly T[]) => z.enum(["gone", ...values] as ["gone", ...T[]]);

export const identityEntrySchema = z.strictObject({
  ...exportOnly,
  externalType: z.enum(IDENTITY_EXTERNAL_TYPES, "not a Keyward identity type (see docs/formats/keyward.md)"),
  externalId: text,
  name: text,
  type: identityTypeSchema,
  status: withGone(identityStatusSchema.options).nullish(),
  environment: optionalText,
  owner: ownerSchema.nullish(),
  createdAt: timestamp,
  lastActivityAt: timestamp,
  isHuman: flag,
  interactive: flag,
  purpose: z.string().min(1).max(LIMITS.longText, `must be at most ${LIMITS.longText} characters`).nullish(),
  endDate: timestamp,
  businessService: optionalText,
  attributes: attributesSchema.nullish(),
  tags: tagsSchema.nullish(),
});
export type IdentityEntry = z.output<typeof identityEntrySchema>;

export const locationSchema = z.strictObject({
  source: optionalText,
  path: optionalText,
  line: z.number().int().min(1).max(100_000_000).nullish(),
  commit: optionalText,
  historyOnly: flag,
});

export const credentialEntrySchema = z
  .strictObject({
    ...exportOnly,
    externalType: z.enum(CREDENTIAL_EXTERNAL_TYPES, "not a Keyward credential type (see docs/formats/keyward.md)"),
    externalId: text,
    name: text,
    type: credentialTypeSchema,
    status: withGone(credentialStatusSchema.options).nullish(),
    identityRef: refSchema.nullish(),
    /** Export only: credentials inherit the owner of their identity. */
    identityId: optionalText,
    owner: ownerSchema.nullish(),
    environment: optionalText,
    createdAt: timestamp,
    lastRotatedAt: timestamp,
    lastUsedAt: timestamp,
    expiresAt: timestamp,
    algorithm: optionalText,
    keySize: z.number().int().positive().max(1_000_000).nullish(),
    fingerprint: z.string().regex(FINGERPRINT_PATTERN, "must be hmac-sha256:<64 lowercase hex>").nullish(),
    thumbprint: optionalText,
    maskedHint: z.string().max(MASKED_HINT_MAX_CHARS, `must be at most ${MASKED_HINT_MAX_CHARS} characters`).nullish(),
    /** The secret itself, write-only: fingerprinted with the instance key, then dropped. */
    value: z
      .string()
      .min(1, "must not be empty")
      .max(LIMITS.valueChars, `must be at most ${LIMITS.valueChars} characters`)
      .optional(),
    locations: z.array(locationSchema).max(LIMITS.locations, `must have at most ${LIMITS.locations} entries`).nullish(),
    attributes: attributesSchema.nullish(),
    tags: tagsSchema.nullish(),
  })
  .refine((entry) => entry.value === undefined || (!entry.fingerprint && !entry.maskedHint), {
    message: "give either value (fingerprinted on import) or fingerprint/maskedHint, not both",
    path: ["value"],
  });
export type CredentialEntry = z.output<typeof credentialEntrySchema>;

export const resourceEntrySchema = z.strictObject({
  ...exportOnly,
  externalType: z.enum(RESOURCE_EXTERNAL_TYPES, "not a Keyward resource type (see docs/formats/keyward.md)"),
  externalId: text,
  name: text,
  type: resourceTypeSchema,
  status: z.enum(["active", "gone"]).nullish(),
  environment: optionalText,
  attributes: attributesSchema.nullish(),
});
export type ResourceEntry = z.output<typeof resourceEntrySchema>;

export const edgeEntrySchema = z.strictObject({
  ...exportOnly,
  type: edgeTypeSchema,
  from: refSchema,
  to: refSchema,
  fromId: optionalText,
  toId: optionalText,
  level: permissionLevelSchema.nullish(),
  status: z.enum(["active", "gone"]).nullish(),
  attributes: attributesSchema.nullish(),
});
export type EdgeEntry = z.output<typeof edgeEntrySchema>;

export const personEntrySchema = z.strictObject({
  ...exportOnly,
  /** Export only: a person's key is always the lowercased e-mail. */
  externalId: optionalText,
  email,
  name: optionalText,
  team: optionalText,
  manager: email.nullish(),
  status: z.enum(["active", "left", "gone"]).nullish(),
});
export type PersonEntry = z.output<typeof personEntrySchema>;
