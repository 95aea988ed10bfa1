"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCaller } from "@/lib/auth/session-context";
import { activateCampaign, cancelCampaign, createCampaign } from "@/lib/campaigns/campaign-lifecycle";
import type { CreateCampaignInput } from "@/lib/campaigns/campaign-schemas";
import { closeCampaign } from "@/lib/campaigns/close-campaign";
import { toActionFailure } from "@/lib/errors";
import type { CampaignActionResult } from "@/components/campaigns/action-result";

/*
 * The campaigns pages' actions. Thin: the form's strings become the data layer's input, which
 * checks the role, validates again (naming the field) and audits in the same transaction.
 */

const text = z.string().trim().default("");
/** "a, b,c" → ["a", "b", "c"]; empty → undefined (no filter). */
const commaList = text.transform((v) => {
  const values = v.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  return values.length ? values : undefined;
});
/** An optional number field: empty → undefined. */
const optionalNumber = (message: string) =>
  text.transform((v, ctx) => {
    if (v === "") return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
const optionalText = text.transform((v) => (v === "" ? undefined : v));

const newCampaignForm = z.object({
  name: text,
  description: optionalText,
  sourceIds: z.array(z.string()).default([]),
  types: commaList,
  environments: commaList,
  minRisk: optionalNumber("The minimum risk score is a number from 0 to 100."),
  rules: commaList,
  ownerEmail: optionalText,
  notReviewedInDays: optionalNumber("Give a number of days."),
  exclusions: text.transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  defaultAction: z.enum(["keep", "revoke"], { error: "Choose keep or revoke." }),
  securityQueue: text,
  // A date picker gives a day; the campaign is due at the end of it (UTC).
  dueAt: text.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), "Choose the due date."),
  recurrence: optionalText,
  reviewDays: optionalNumber("Give a number of days."),
});

/** The data layer's field paths (`filter.minRisk`) → the form's field names (`minRisk`). */
const formField = (field: string | undefined) => field?.replace(/^filter\./, "").replace(/\.\d+$/, "");

function failure(error: unknown): CampaignActionResult {
  const failed = toActionFailure(error);
  return { ...failed, field: formField(failed.field) };
}

export async function createCampaignAction(input: unknown): Promise<CampaignActionResult> {
  try {
    const caller = await requireCaller();
    const form = newCampaignForm.parse(input);
    const campaign: CreateCampaignInput = {
      name: form.name,
      description: form.description,
      filter: {
        sourceIds: form.sourceIds.length ? form.sourceIds : undefined,
        types: form.types,
        environments: form.environments,
        minRisk: form.minRisk,
        rules: form.rules,
        ownerEmail: form.ownerEmail,
        notReviewedInDays: form.notReviewedInDays,
      },
      exclusions: form.exclusions,
      defaultAction: form.defaultAction,
      securityQueue: form.securityQueue,
      dueAt: `${form.dueAt}T23:59:59.999Z`,
      recurrence: form.recurrence,
      reviewDays: form.reviewDays,
    };
    const created = await createCampaign(caller, campaign);
    revalidatePath("/campaigns");
    return { ok: true, id: created.id, message: `Draft "${created.name}" created.` };
  } catch (error) {
    return failure(error);
  }
}

const campaignIdForm = z.object({ campaignId: z.string() });

async function transition(input: unknown, fn: (campaignId: string, form: Record<string, unknown>) => Promise<string>): Promise<CampaignActionResult> {
  try {
    const { campaignId } = campaignIdForm.parse(input);
    const message = await fn(campaignId, input as Record<string, unknown>);
    revalidatePath("/campaigns");
    revalidatePath(`/campaigns/${campaignId}`);
    revalidatePath("/reviews");
    return { ok: true, message };
  } catch (error) {
    return failure(error);
  }
}

export async function activateCampaignAction(input: unknown): Promise<CampaignActionResult> {
  return transition(input, async (id) => {
    const campaign = await activateCampaign(await requireCaller(), id);
    const n = campaign.progress.items;
    return `Activated: ${n.toLocaleString("en")} item${n === 1 ? "" : "s"} to review.`;
  });
}

export async function closeCampaignAction(input: unknown): Promise<CampaignActionResult> {
  return transition(input, async (id, form) => {
    const signOff = typeof form.signOff === "string" && form.signOff.trim() !== "" ? form.signOff : undefined;
    await closeCampaign(await requireCaller(), id, { signOff });
    return "Closed: decisions are final.";
  });
}

export async function cancelCampaignAction(input: unknown): Promise<CampaignActionResult> {
  return transition(input, async (id) => {
    await cancelCampaign(await requireCaller(), id);
    return "Cancelled.";
  });
}
