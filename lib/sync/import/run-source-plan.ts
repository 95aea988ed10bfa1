import "server-only";
import { ensureSource } from "@/lib/sync/ensure-source";
import { executeRun } from "@/lib/sync/execute-run";
import type { ImportOptions, SourceReport } from "@/lib/sync/import/import-types";
import { mapRunErrors } from "@/lib/sync/import/map-run-errors";
import type { SourcePlan } from "@/lib/sync/import/plan-units";

/** Run statuses after which the records of files without errors are in the database. */
const COMMITTED = new Set(["succeeded", "held", "partial"]);

/**
 * Creates the source if needed and runs its units as one import run. The runner's errors are put
 * on the files they came from; a held sweep and a failed run each get a note saying what to do.
 */
export async function runSourcePlan(
  plan: SourcePlan,
  options: ImportOptions & { sweep: boolean },
  notes: string[],
): Promise<SourceReport> {
  const source = await ensureSource(options.connectionString, {
    provider: plan.provider,
    name: plan.name,
    environment: options.environment ?? null,
    actor: options.actor,
    auditKey: options.keys.auditKey,
  });
  const summary = await executeRun(
    {
      connectionString: options.connectionString,
      sourceId: source.id,
      mode: "import",
      actor: options.actor,
      fingerprintKey: options.keys.fingerprintKey,
      auditKey: options.keys.auditKey,
      sweep: options.sweep,
      ...(options.environment ? { defaultEnvironment: options.environment } : {}),
      lockMode: "wait",
    },
    plan.units,
  );
  const reports = plan.files.map((file) => file.report);
  const unplaced = mapRunErrors(summary.errors, reports);
  const committed = COMMITTED.has(summary.status);
  for (const report of reports) report.loaded = committed && report.errors.length === 0;
  for (const error of unplaced) notes.push(`source "${plan.name}": ${error.reason}`);
  if (summary.status === "held" && summary.held) {
    const { wouldRetire, present, externalType } = summary.held;
    notes.push(
      `source "${plan.name}": loaded, but marking ${wouldRetire} of ${present} ${externalType} records gone is held for review (approve it under Sources)`,
    );
  } else if (!committed) {
    notes.push(`source "${plan.name}": the run ${summary.status}; see the errors above`);
  }
  return { name: plan.name, provider: plan.provider, sourceId: source.id, summary };
}
