"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCaller } from "@/lib/auth/session-context";
import { toActionFailure, type ActionFailure } from "@/lib/errors";
import { assignOwner, clearOwner } from "@/lib/ownership/assign-owner";
import { confirmOwnership } from "@/lib/ownership/confirm-ownership";
import { declarePurpose } from "@/lib/ownership/declare-purpose";
import { assignOwnerSchema, clearOwnerSchema, declarePurposeSchema, identityIdSchema } from "@/lib/ownership/ownership-schemas";

/*
 * Server actions for the ownership forms (components/ownership). Thin: the caller, zod, the data
 * layer (which authorises, validates again and audits), then the pages that show an owner.
 */

export type OwnershipActionResult = { ok: true; message: string } | ActionFailure;

async function run(fn: () => Promise<string>): Promise<OwnershipActionResult> {
  try {
    const message = await fn();
    // Owners appear on the inventory list, detail pages and findings: refresh them all.
    revalidatePath("/", "layout");
    return { ok: true, message };
  } catch (error) {
    return toActionFailure(error);
  }
}

const identities = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "identity" : "identities"}`;

const confirmSchema = z.object({ identityId: identityIdSchema });

export async function assignOwnerAction(input: unknown): Promise<OwnershipActionResult> {
  return run(async () => {
    const caller = await requireCaller();
    const { owner, backup, assigned } = await assignOwner(caller, assignOwnerSchema.parse(input));
    const unknown = [owner, backup].filter((p) => p?.status === "unknown").map((p) => p!.email);
    const warning = unknown.length ? ` Not in the people directory: ${unknown.join(", ")}.` : "";
    return `${owner.email} now owns ${identities(assigned)}.${warning}`;
  });
}

export async function clearOwnerAction(input: unknown): Promise<OwnershipActionResult> {
  return run(async () => {
    const caller = await requireCaller();
    const { cleared } = await clearOwner(caller, clearOwnerSchema.parse(input));
    return `Removed the assignment of ${identities(cleared)}; their owner comes from the sources again.`;
  });
}

export async function confirmOwnershipAction(input: unknown): Promise<OwnershipActionResult> {
  return run(async () => {
    const caller = await requireCaller();
    const { identityId } = confirmSchema.parse(input);
    const { ownerEmail } = await confirmOwnership(caller, identityId);
    return `Ownership confirmed for ${ownerEmail}.`;
  });
}

export async function declarePurposeAction(input: unknown): Promise<OwnershipActionResult> {
  return run(async () => {
    const caller = await requireCaller();
    const { endDate } = await declarePurpose(caller, declarePurposeSchema.parse(input));
    return endDate ? `Purpose saved; it ends ${endDate.slice(0, 10)}.` : "Purpose saved.";
  });
}
