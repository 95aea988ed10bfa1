import { z } from "zod";
import { DECISIONS, DEFAULT_ACTIONS } from "@/lib/campaigns/campaign-types";

/*
 * Input of the campaigns data layer, parsed at its boundary (server actions and route handlers pass
 * what they received). A failed parse becomes INVALID_INPUT naming the field.
 */

const email = z.string().trim().toLowerCase().pipe(z.email({ error: "must be an e-mail address" }));
const uuid = z.uuid({ error: "must be an id (UUID)" });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(1000, "at most 1,000 values").optional();
/** A date from a form (`2026-12-31`) or the API (ISO 8601). */
const instant = z.coerce.date({ error: "must be a date" });

/** At most this many items per bulk decision or delegation (one transaction). */
export const MAX_BULK_ITEMS = 5000;

export const campaignFilterSchema = z.strictObject({
  identityIds: list(uuid),
  sourceIds: list(uuid),
  types: list(z.string().trim().min(1)),
  environments: list(z.string().trim().min(1)),
  minRisk: z.number().min(0).max(100).optional(),
  rules: list(z.string().trim().min(1)),
  ownerEmail: email.optional(),
  notReviewedInDays: z.number().int().min(1).max(3650).optional(),
});

export const remindersSchema = z.strictObject({
  kickoff: z.boolean().default(true),
  everyDays: z.number().int().min(1).max(90).nullable().default(7),
  beforeDueDays: z.number().int().min(1).max(90).nullable().default(2),
  escalateEveryDays: z.number().int().min(1).max(90).nullable().default(3),
  webhook: z.boolean().default(true),
});

export const createCampaignSchema = z
  .strictObject({
    name: z.string().trim().min(1, "Give the campaign a name.").max(200),
    description: z.string().trim().max(2000).optional(),
    filter: campaignFilterSchema.default({}),
    exclusions: z.array(uuid).max(100_000).default([]),
    defaultAction: z.enum(DEFAULT_ACTIONS).default("keep"),
    securityQueue: email,
    dueAt: instant,
    reminders: remindersSchema.default(remindersSchema.parse({})),
    /** Cron expression (UTC): each occurrence starts a copy of this campaign. */
    recurrence: z.string().trim().min(1).optional(),
    /** How many days each occurrence of a recurring campaign stays open. */
    reviewDays: z.number().int().min(1).max(365).optional(),
  })
  .refine((v) => !v.recurrence || v.reviewDays, { message: "A recurring campaign needs reviewDays.", path: ["reviewDays"] });
export type CreateCampaignInput = z.input<typeof createCampaignSchema>;

export const decideSchema = z
  .strictObject({
    itemIds: z.array(uuid).min(1, "Choose at least one item.").max(MAX_BULK_ITEMS),
    decision: z.enum(DECISIONS),
    comment: z.string().trim().max(4000).optional(),
    newOwnerEmail: email.optional(),
    newEndDate: instant.optional(),
  })
  .refine((v) => v.decision !== "reassign" || v.newOwnerEmail, { message: "Name the new owner.", path: ["newOwnerEmail"] })
  .refine((v) => v.decision !== "extend" || v.newEndDate, { message: "Give the new end date.", path: ["newEndDate"] });
export type DecideInput = z.input<typeof decideSchema>;

export const delegateSchema = z.strictObject({
  itemIds: z.array(uuid).min(1, "Choose at least one item.").max(MAX_BULK_ITEMS),
  toEmail: email,
  comment: z.string().trim().max(4000).optional(),
});
export type DelegateInput = z.input<typeof delegateSchema>;

export const closeCampaignSchema = z.strictObject({ signOff: z.string().trim().max(4000).optional() });

export const inboxQuerySchema = z.strictObject({
  status: z.enum(["PENDING", "DECIDED", "ALL"]).default("PENDING"),
  campaignId: uuid.optional(),
  /** The last item id of the previous page. */
  cursor: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;
