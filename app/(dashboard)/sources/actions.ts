"use server";

import { revalidatePath } from "next/cache";
import { toActionFailure } from "@/lib/errors";
import { requireCaller } from "@/lib/auth/session-context";
import { approveSweep } from "@/lib/sources/approve-sweep";
import { deleteSource } from "@/lib/sources/delete-source";
import { requestSync } from "@/lib/sources/request-sync";
import { createSource, updateSourceConfig, updateSourceSchedule } from "@/lib/sources/save-source";
import { testSourceConnection } from "@/lib/sources/test-connection";

/** What every Sources action answers; `id` is the new source's after a create. */
export type SourceActionResult = { ok: true; message?: string; id?: string } | { ok: false; error: string; field?: string };

/** Thin wrappers: the data layer authorises, validates and audits; these map errors for forms. */
async function run(fn: () => Promise<SourceActionResult>, revalidate: string): Promise<SourceActionResult> {
  try {
    const result = await fn();
    revalidatePath(revalidate);
    return result;
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function createSourceAction(input: unknown): Promise<SourceActionResult> {
  return run(async () => {
    const source = await createSource(await requireCaller(), input);
    return { ok: true, id: source.id, message: `Added ${source.name}.` };
  }, "/sources");
}

export async function updateSourceConfigAction(sourceId: string, input: unknown): Promise<SourceActionResult> {
  return run(async () => {
    const { changed } = await updateSourceConfig(await requireCaller(), sourceId, input);
    return { ok: true, message: changed.length ? `Saved (${changed.join(", ")}).` : "Nothing changed." };
  }, `/sources/${sourceId}`);
}

export async function updateScheduleAction(sourceId: string, input: unknown): Promise<SourceActionResult> {
  return run(async () => {
    const { changed } = await updateSourceSchedule(await requireCaller(), sourceId, input);
    return { ok: true, message: changed.length ? `Saved (${changed.join(", ")}).` : "Nothing changed." };
  }, `/sources/${sourceId}`);
}

export async function testConnectionAction(sourceId: string): Promise<SourceActionResult> {
  try {
    const check = await testSourceConnection(await requireCaller(), sourceId);
    return check.ok ? { ok: true, message: check.detail } : { ok: false, error: check.detail };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function syncNowAction(sourceId: string): Promise<SourceActionResult> {
  return run(async () => {
    const { jobId } = await requestSync(await requireCaller(), sourceId);
    return { ok: true, message: jobId ? "Sync queued." : "A sync of this source is already queued; it will pick this up." };
  }, `/sources/${sourceId}`);
}

export async function approveSweepAction(sourceId: string, runId: string): Promise<SourceActionResult> {
  return run(async () => {
    const { retired } = await approveSweep(await requireCaller(), sourceId, runId);
    return { ok: true, message: `Approved: ${retired} record${retired === 1 ? "" : "s"} retired.` };
  }, `/sources/${sourceId}`);
}

export async function deleteSourceAction(sourceId: string, input: unknown): Promise<SourceActionResult> {
  return run(async () => {
    const confirmName = typeof input === "object" && input !== null ? (input as Record<string, unknown>).confirmName : undefined;
    await deleteSource(await requireCaller(), sourceId, confirmName);
    return { ok: true, message: "Source deleted." };
  }, "/sources");
}
