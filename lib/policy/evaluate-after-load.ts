import "server-only";
import pg from "pg";
import type { AuditActor } from "@/lib/audit/audit-hash";
import { refreshDashboardRollup } from "@/lib/inventory/dashboard-rollup";
import { refreshSearchTrigrams } from "@/lib/inventory/search-trigrams";
import { evaluatePolicies, type EvaluationSummary } from "@/lib/policy/evaluate";
import { verifyRemediationTasks } from "@/lib/campaigns/remediation";
import { refreshRiskScores } from "@/lib/risk/refresh-risk-scores";

/**
 * Refreshes the identities' stored owners and re-evaluates every policy after records were loaded
 * (an import or a sync), then refreshes the
 * dashboard's rollup, the search's trigram shares and the identities' risk scores (lib/risk: exposure reads the new findings) and
 * verifies campaign remediation tasks against what was loaded
 * — on its own connection, so it works from the CLI and the worker without the web app's Prisma pool.
 */
export async function evaluateAfterLoad(connectionString: string, actor: AuditActor, auditKey: Buffer): Promise<EvaluationSummary> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Owner hints, owned_by edges and people may have changed: the inventory reads each identity's stored owner.
    await client.query("SELECT refresh_identity_owners(NULL)");
    const summary = await evaluatePolicies(client, { actor, auditKey });
    await refreshDashboardRollup(client);
    await refreshSearchTrigrams(client);
    await refreshRiskScores(client, new Date());
    // A revoke or rotate decision's task is done once a load no longer sees the old key.
    await verifyRemediationTasks(client, new Date());
    return summary;
  } finally {
    await client.end();
  }
}

/** One line for a person: what changed in the findings. */
export function evaluationLine(summary: EvaluationSummary): string {
  return `policies evaluated: ${summary.violations} violations; ${summary.opened} findings opened, ${summary.reopened} reopened, ${summary.resolved} resolved`;
}
