"use server";

import { revalidatePath } from "next/cache";
import { requireCaller } from "@/lib/auth/session-context";
import { toActionFailure, type ActionFailure } from "@/lib/errors";
import { exportInventorySelection } from "@/lib/inventory/inventory-query-export";
import { createSavedView, deleteSavedView } from "@/lib/inventory/saved-views";
import { bulkAssignOwner } from "@/lib/ownership/bulk-assign";

/* Server actions of the inventory page. Thin: the caller, then the data layer (which checks, validates and audits). */

export async function saveViewAction(input: unknown): Promise<{ ok: true } | ActionFailure> {
  try {
    await createSavedView(await requireCaller(), input);
    revalidatePath("/inventory");
    return { ok: true };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function deleteViewAction(input: unknown): Promise<{ ok: true } | ActionFailure> {
  try {
    const id = typeof input === "object" && input !== null ? (input as { id?: unknown }).id : undefined;
    await deleteSavedView(await requireCaller(), id);
    revalidatePath("/inventory");
    return { ok: true };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function exportSelectionAction(input: unknown): Promise<{ ok: true; csv: string; filename: string } | ActionFailure> {
  try {
    const { csv } = await exportInventorySelection(await requireCaller(), input);
    const kind = (input as { kind: string }).kind;
    return { ok: true, csv, filename: `keyward-${kind}-${new Date().toISOString().slice(0, 10)}.csv` };
  } catch (error) {
    return toActionFailure(error);
  }
}

export type BulkAssignOwnerActionResult = { ok: true; assigned: number; skippedCredentials: number; notInDirectory: string[] } | ActionFailure;

export async function bulkAssignOwnerAction(input: unknown): Promise<BulkAssignOwnerActionResult> {
  try {
    const { assigned, skippedCredentials, owner, backup } = await bulkAssignOwner(await requireCaller(), input);
    // Owners appear on the inventory list, detail pages and findings: refresh them all.
    revalidatePath("/", "layout");
    const notInDirectory = [owner, backup].flatMap((person) => (person?.status === "unknown" ? [person.email] : []));
    return { ok: true, assigned, skippedCredentials, notInDirectory };
  } catch (error) {
    return toActionFailure(error);
  }
}
