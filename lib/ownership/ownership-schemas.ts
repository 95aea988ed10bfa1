import { z } from "zod";

/** Most identities one bulk assignment may touch: one transaction, ten audit events. */
export const MAX_BULK_IDENTITIES = 10_000;

/** Longest note and purpose kept; longer text belongs in a ticket the note can point to. */
export const MAX_NOTE_CHARS = 500;
export const MAX_PURPOSE_CHARS = 500;

/** Form fields arrive as "" when left empty: that means "not given". */
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** E-mails compare case-insensitively everywhere (connectors/sdk/records.ts), so they are stored lower-cased. */
const emailSchema = (what: string) => z.string({ error: `Give the ${what}'s e-mail address.` }).trim().toLowerCase().pipe(z.email({ error: `The ${what}'s e-mail address is not valid.` }));

/**
 * Identity ids as an array, or as one string separated by commas or white space (what a form's
 * hidden field sends for a bulk selection). Duplicates are dropped.
 */
export const identityIdsSchema = z
  .preprocess(
    (value) => (typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value),
    z
      .array(z.uuid({ error: "Not an identity id." }), { error: "Choose the identities." })
      .min(1, "Choose at least one identity.")
      .max(MAX_BULK_IDENTITIES, `At most ${MAX_BULK_IDENTITIES.toLocaleString("en")} identities at a time.`),
  )
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

export const identityIdSchema = z.uuid({ error: "Not an identity id." });

export const assignOwnerSchema = z
  .object({
    identityIds: identityIdsSchema,
    ownerEmail: emailSchema("owner"),
    backupEmail: z.preprocess(blankAsUndefined, emailSchema("backup owner").optional()),
    note: z.preprocess(blankAsUndefined, z.string().trim().max(MAX_NOTE_CHARS, `Keep the note under ${MAX_NOTE_CHARS} characters.`).optional()),
  })
  .refine((input) => input.backupEmail !== input.ownerEmail, { message: "The backup owner must be someone else.", path: ["backupEmail"] });
export type AssignOwnerInput = z.input<typeof assignOwnerSchema>;

export const clearOwnerSchema = z.object({ identityIds: identityIdsSchema });
export type ClearOwnerInput = z.input<typeof clearOwnerSchema>;

/** A calendar day (`2026-03-31`, what a date field sends) means the end of that day in UTC. */
const endDateSchema = z.preprocess(
  blankAsUndefined,
  z
    .union([z.date(), z.iso.date().transform((day) => `${day}T23:59:59.999Z`), z.iso.datetime({ offset: true })], {
      error: "Give the end date as a date (YYYY-MM-DD).",
    })
    .transform((value) => new Date(value))
    .optional(),
);

export const declarePurposeSchema = z.object({
  identityId: identityIdSchema,
  purpose: z
    .string({ error: "Say what the identity is for." })
    .trim()
    .min(1, "Say what the identity is for.")
    .max(MAX_PURPOSE_CHARS, `Keep the purpose under ${MAX_PURPOSE_CHARS} characters.`),
  endDate: endDateSchema,
});
export type DeclarePurposeInput = z.input<typeof declarePurposeSchema>;
