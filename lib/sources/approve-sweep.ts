import "server-only";
import { z } from "zod";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { AppError } from "@/lib/errors";
import { evaluateAfterLoad } from "@/lib/policy/evaluate-after-load";
import { resolveDatabaseUrl } from "@/lib/runtime/database";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { parseSourceId } from "@/lib/sources/read-sources";
import { approveHeldSweep } from "@/lib/sync/approve-held-sweep";
import { SyncError } from "@/lib/sync/errors";

const runIdSchema = z.uuid({ error: "Not a sync run id." });

/** What a person reads when the sweep cannot be approved (lib/sync's codes name the run by id). */
const REFUSALS: Partial<Record<SyncError["code"], string>> = {
  SWEEP_NOT_HELD: "This run's sweep was not held: there is nothing to approve.",
  SWEEP_ALREADY_APPROVED: "This sweep was already approved.",
  SWEEP_STALE: "A newer sync of this source ran since: approve that run's sweep instead, if it was held.",
  SYNC_BUSY: "A sync of this source is running. Approve the sweep once it has finished.",
};

export type ApprovedSweepDto = { retired: number };

/**
 * An admin approves a held sweep (ARCHITECTURE "sync lifecycle", step 5): exactly the records the run
 * would have retired are marked gone, audited with the admin as actor (`inventory.gone` per record and
 * `sync.sweep_approved`, in the same transaction: lib/sync/approve-held-sweep.ts). Then, as after any
 * load, the stored owners, findings, dashboard and risk scores follow the inventory.
 */
export async function approveSweep(caller: Caller, sourceIdInput: string, runIdInput: string, options: { connectionString?: string } = {}): Promise<ApprovedSweepDto> {
  requirePermission(caller, "sources:manage");
  const sourceId = parseSourceId(sourceIdInput);
  const parsedRun = runIdSchema.safeParse(runIdInput);
  if (!parsedRun.success) throw new AppError("INVALID_INPUT", "Not a sync run id.", "runId");
  const runId = parsedRun.data;
  const connectionString = options.connectionString ?? resolveDatabaseUrl();
  const actor = callerAsActor(caller);
  const { auditKey } = getInstanceKeys();
  const approved = await approveHeldSweep({ connectionString, runId, sourceId, actor, auditKey }).catch((error: unknown) => {
    if (!(error instanceof SyncError)) throw error;
    if (error.code === "RUN_NOT_FOUND") throw new AppError("NOT_FOUND", "That sync run does not exist for this source.");
    const refusal = REFUSALS[error.code];
    throw refusal ? new AppError("CONFLICT", refusal) : error;
  });
  await evaluateAfterLoad(connectionString, actor, auditKey);
  return { retired: Object.values(approved.retired).reduce((sum, counts) => sum + (counts?.gone ?? 0), 0) };
}
