import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { AGE_BUCKETS } from "@/lib/inventory/inventory-summary";
import { breakdownSql, CREDENTIAL_FIGURES, GROUPED_BY, OPEN_FINDINGS_BY_SEVERITY, OWNED_IDENTITIES, TOP_RISKS } from "@/lib/inventory/pdf/inventory-summary-sql";
import {
  shareOf,
  SUMMARY_SEVERITIES,
  type InventorySummaryReport,
  type LabelCount,
  type SummarySource,
} from "@/lib/inventory/pdf/inventory-summary-types";
import { inTransaction, type SqlExecutor, type SqlTarget } from "@/lib/policy/sql-executor";
import { COVERAGE_AT } from "@/lib/reports/compliance-sql";
import { RISK_FACTOR_LABELS, RISK_FACTORS, riskBand, type RiskFactor } from "@/lib/risk/risk-formula";

export type InventorySummaryOptions = {
  /** The instant summarised; defaults to now. Must not lie in the future. */
  asOf?: Date;
  /** Database to read (a Prisma client or a pg client); default the process-wide one. */
  db?: SqlTarget;
};

/** Rows of the "top risks" table. */
export const TOP_RISK_ROWS = 10;

/** A minute of clock skew between machines is tolerated; the future is not an instant to summarise. */
const FUTURE_TOLERANCE_MS = 60_000;

const UNSET_ENVIRONMENT = "unset";

type BreakdownRow = { g: number; source_id: string | null; type: string | null; environment: string | null; n: bigint | number };
type Breakdown = { total: number; bySource: Map<string, number>; byType: LabelCount[]; byEnvironment: Map<string, number> };

function breakdownOf(rows: readonly BreakdownRow[]): Breakdown {
  const of = (g: number) => rows.filter((r) => r.g === g);
  return {
    total: Number(of(GROUPED_BY.total)[0]?.n ?? 0),
    bySource: new Map(of(GROUPED_BY.source).map((r) => [r.source_id!, Number(r.n)])),
    byType: of(GROUPED_BY.type)
      .map((r) => ({ label: r.type!, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    byEnvironment: new Map(of(GROUPED_BY.environment).map((r) => [r.environment ?? UNSET_ENVIRONMENT, Number(r.n)])),
  };
}

function checkAsOf(asOf: Date, now: Date): void {
  if (Number.isNaN(asOf.getTime())) throw new AppError("INVALID_INPUT", "asOf is not a valid instant.", "asOf");
  if (asOf.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new AppError("INVALID_INPUT", "asOf lies in the future; a summary covers what was recorded up to an instant.", "asOf");
  }
}

const gapsOf = (value: unknown): SummarySource["gaps"] =>
  Array.isArray(value)
    ? value.map((g: Record<string, unknown>) => ({ scope: String(g.scope ?? ""), stream: String(g.stream ?? ""), reason: String(g.reason ?? ""), detail: String(g.detail ?? "") }))
    : [];

type StoredFactors = Record<RiskFactor, { weight: number }>;

async function readSummary(executor: SqlExecutor, asOf: Date, now: Date): Promise<InventorySummaryReport> {
  const [identities, credentials, resources] = [
    breakdownOf(await executor.query<BreakdownRow>(breakdownSql("identities"), [asOf])),
    breakdownOf(await executor.query<BreakdownRow>(breakdownSql("credentials"), [asOf])),
    breakdownOf(await executor.query<BreakdownRow>(breakdownSql("resources"), [asOf])),
  ];
  const [owned] = await executor.query<{ n: bigint }>(OWNED_IDENTITIES, [asOf]);
  const [figures] = await executor.query<Record<string, bigint>>(CREDENTIAL_FIGURES, [asOf]);
  const severities = await executor.query<{ severity: string; n: bigint }>(OPEN_FINDINGS_BY_SEVERITY, [asOf]);
  const risks = await executor.query<{ id: string; name: string; type: string; environment: string | null; score: number; factors: StoredFactors; computed_at: Date }>(
    TOP_RISKS,
    [asOf, TOP_RISK_ROWS],
  );
  const coverage = await executor.query<{ source_id: string; name: string; provider: string; status: string | null; mode: string | null; finished_at: Date | null; coverage_gaps: unknown }>(
    COVERAGE_AT,
    [asOf],
  );

  const bySeverity = new Map(severities.map((r) => [r.severity, Number(r.n)]));
  // Severities outside the fixed scale (none today) still count: nothing is hidden.
  const severityOrder = [...SUMMARY_SEVERITIES, ...[...bySeverity.keys()].filter((s) => !(SUMMARY_SEVERITIES as readonly string[]).includes(s)).sort()];
  const environments = [...new Set([...identities.byEnvironment.keys(), ...credentials.byEnvironment.keys()])].sort();
  const sources: SummarySource[] = coverage.map((row) => ({
    sourceId: row.source_id,
    name: row.name,
    provider: row.provider,
    identities: identities.bySource.get(row.source_id) ?? 0,
    credentials: credentials.bySource.get(row.source_id) ?? 0,
    resources: resources.bySource.get(row.source_id) ?? 0,
    lastSync: row.finished_at ? { status: row.status!, mode: row.mode!, finishedAt: row.finished_at.toISOString() } : null,
    gaps: gapsOf(row.coverage_gaps),
  }));
  const computedAt = risks.map((r) => r.computed_at.getTime());
  return {
    generatedAt: now.toISOString(),
    asOf: asOf.toISOString(),
    totals: { identities: identities.total, credentials: credentials.total, resources: resources.total, sources: sources.length },
    identitiesByType: identities.byType,
    credentialsByType: credentials.byType,
    byEnvironment: environments.map((environment) => ({
      environment,
      identities: identities.byEnvironment.get(environment) ?? 0,
      credentials: credentials.byEnvironment.get(environment) ?? 0,
    })),
    owned: shareOf(Number(owned?.n ?? 0), identities.total),
    withinRotationPolicy: shareOf(Number(figures?.within_policy ?? 0), Number(figures?.active ?? 0)),
    expiringIn30Days: Number(figures?.expiring ?? 0),
    openFindings: {
      total: [...bySeverity.values()].reduce((sum, n) => sum + n, 0),
      bySeverity: severityOrder.map((severity) => ({ severity, count: bySeverity.get(severity) ?? 0 })),
    },
    ageHistogram: AGE_BUCKETS.map((bucket) => ({ bucket, credentials: Number(figures?.[bucket] ?? 0) })),
    topRisks: risks.map((r) => ({
      identityId: r.id,
      name: r.name,
      type: r.type,
      environment: r.environment,
      score: r.score,
      band: riskBand(r.score),
      drivers: RISK_FACTORS.filter((f) => Number(r.factors[f]?.weight ?? 1) > 1)
        .sort((a, b) => Number(r.factors[b].weight) - Number(r.factors[a].weight))
        .map((f) => RISK_FACTOR_LABELS[f]),
    })),
    risksComputedAt: computedAt.length > 0 ? new Date(Math.max(...computedAt)).toISOString() : null,
    sources,
    sourcesWithGaps: sources.filter((s) => s.lastSync === null || s.lastSync.status !== "succeeded" || s.gaps.length > 0).length,
  };
}

/**
 * The inventory summary as of an instant (default now), read in one repeatable-read, read-only
 * snapshot with set-based SQL, for a caller allowed to export reports.
 */
export async function buildInventorySummary(caller: Caller, options: InventorySummaryOptions = {}): Promise<InventorySummaryReport> {
  requirePermission(caller, "reports:export");
  const now = new Date();
  const asOf = options.asOf ?? now;
  checkAsOf(asOf, now);
  return inTransaction(options.db ?? getDb(), (executor) => readSummary(executor, asOf, now), { readOnly: true });
}
