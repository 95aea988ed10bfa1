"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCaller } from "@/lib/auth/session-context";
import type { DecideInput } from "@/lib/campaigns/campaign-schemas";
import { decideItems, delegateItems } from "@/lib/campaigns/decide-items";
import { toActionFailure } from "@/lib/errors";
import type { CampaignActionResult } from "@/components/campaigns/action-result";

/*
 * "My reviews" actions. Thin: the data layer checks that the caller reviews each item, that the
 * campaign is active and that nobody certifies their own identity; its refusals are shown as they are.
 */

const optionalText = z
  .string()
  .trim()
  .default("")
  .transform((v) => (v === "" ? undefined : v));
/** The selected items travel comma-separated in one field. */
const itemIds = z
  .string()
  .default("")
  .transform((v) => v.split(",").filter(Boolean));

const decideForm = z.object({
  itemIds,
  decision: z.string(),
  comment: optionalText,
  newOwnerEmail: optionalText,
  newEndDate: optionalText.transform((v) => (v ? `${v}T23:59:59.999Z` : undefined)),
});

const delegateForm = z.object({ itemIds, toEmail: z.string().default(""), comment: optionalText });

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function done(message: string): CampaignActionResult {
  revalidatePath("/reviews");
  revalidatePath("/campaigns", "layout");
  return { ok: true, message };
}

export async function decideAction(input: unknown): Promise<CampaignActionResult> {
  try {
    const form = decideForm.parse(input);
    // The data layer checks the decision against its list; an unknown one is refused there.
    const { decided } = await decideItems(await requireCaller(), { ...form, decision: form.decision as DecideInput["decision"] });
    return done(`Decided ${plural(decided, "item")}: ${form.decision}.`);
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function delegateAction(input: unknown): Promise<CampaignActionResult> {
  try {
    const form = delegateForm.parse(input);
    const { delegated } = await delegateItems(await requireCaller(), form);
    return done(`Delegated ${plural(delegated, "item")} to ${form.toEmail.trim().toLowerCase()}.`);
  } catch (error) {
    return toActionFailure(error);
  }
}
