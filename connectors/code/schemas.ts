import { z } from "zod";
import { credentialTypeSchema } from "../sdk";

/*
 * The raw items of the `secrets` stream, produced by the scanner (scan/scan-repository.ts) for a
 * live sync and by the bundle format alike. A secret item carries the value in memory only: the
 * transform fingerprints it and drops it.
 */

export const secretLocationSchema = z.strictObject({
  path: z.string().min(1),
  line: z.number().int().min(1),
  /** The commit that added the file version holding the value. */
  commit: z.string().regex(/^[0-9a-f]{40,64}$/),
  authorName: z.string(),
  authorEmail: z.string(),
  authoredAt: z.string(),
  /** The file version is not in HEAD's tree: the value survives only in history. */
  historyOnly: z.boolean(),
});
export type SecretLocation = z.infer<typeof secretLocationSchema>;

/** A CODEOWNERS line (the last match) that decides one or more of the paths a secret was found at. */
export const secretOwnersRuleSchema = z.strictObject({
  /** The CODEOWNERS file, e.g. `.github/CODEOWNERS`. */
  file: z.string().min(1),
  line: z.number().int().min(1),
  pattern: z.string().min(1),
  /** As written: `@user`, `@org/team` or an e-mail address. */
  owners: z.array(z.string().min(1)).min(1),
  /** The secret's paths this rule decides. */
  paths: z.array(z.string().min(1)).min(1),
});
export type SecretOwnersRule = z.infer<typeof secretOwnersRuleSchema>;

export const secretItemSchema = z.strictObject({
  kind: z.literal("secret"),
  repository: z.string().min(1),
  ruleId: z.string().min(1),
  title: z.string().min(1),
  credentialType: credentialTypeSchema,
  value: z.string().min(1),
  /** The AWS access key id found next to an AWS secret access key. */
  accessKeyId: z
    .string()
    .regex(/^(?:AKIA|ASIA)[A-Z2-7]{16}$/)
    .optional(),
  /** Oldest first; at most MAX_LOCATIONS_PER_SECRET of them. */
  locations: z.array(secretLocationSchema).min(1),
  locationsTruncated: z.boolean(),
  /** CODEOWNERS of HEAD for the secret's paths; absent when the repository has none or no rule names an owner. */
  codeowners: z.array(secretOwnersRuleSchema).min(1).optional(),
});
export type SecretItem = z.infer<typeof secretItemSchema>;

export const skippedFileSchema = z.strictObject({ path: z.string(), size: z.number().int().min(0) });

export const repositoryItemSchema = z.strictObject({
  kind: z.literal("repository"),
  repository: z.string().min(1),
  name: z.string().min(1),
  headCommit: z.string().optional(),
  blobsScanned: z.number().int().min(0),
  binaryBlobsSkipped: z.number().int().min(0),
  /** Blobs over the size cap, not scanned (a coverage note: a secret there would be missed). */
  largeBlobsSkipped: z.array(skippedFileSchema),
  /** How many blobs were over the cap (the list above stops at 100). */
  largeBlobsSkippedCount: z.number().int().min(0),
  maxFileBytes: z.number().int().positive(),
  /** Files that hold or held a secret, and whether the path is in HEAD. */
  files: z.array(z.strictObject({ path: z.string().min(1), inHead: z.boolean() })),
});
export type RepositoryItem = z.infer<typeof repositoryItemSchema>;

export const codeItemSchema = z.discriminatedUnion("kind", [repositoryItemSchema, secretItemSchema]);
export type CodeItem = z.infer<typeof codeItemSchema>;
