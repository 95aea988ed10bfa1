import "server-only";
import { z } from "zod";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireVisibleNode } from "@/lib/inventory/node-detail-access";
import { describeEvidence, type RiskEvidence } from "@/lib/risk/risk-evidence";
import { RISK_FACTOR_LABELS, RISK_FACTORS, RISK_FORMULA, riskBand, type RiskFactor } from "@/lib/risk/risk-formula";
import type { RiskFactorView, RiskView, TopRisk } from "@/lib/risk/risk-types";

type StoredFactors = { [F in RiskFactor]: { level: string; weight: number; evidence: RiskEvidence[F] } };

function factorViews(stored: StoredFactors): RiskFactorView[] {
  return RISK_FACTORS.map((factor) => ({
    factor,
    label: RISK_FACTOR_LABELS[factor],
    level: stored[factor].level,
    weight: Number(stored[factor].weight),
    path: describeEvidence(factor, stored[factor].evidence as never),
  }));
}

/**
 * The risk score of one identity with each factor's level, weight and evidence path; null when
 * it has not been scored yet (scores are refreshed after every load and daily). Authorized like
 * the identity's detail page: NOT_FOUND for an unknown id and for an owner's non-own identity.
 */
export async function readRisk(caller: Caller, identityId: string): Promise<RiskView | null> {
  const db = getDb();
  await requireVisibleNode(db, caller, identityId, "identity");
  const rows = await db.$queryRaw<{ score: number; factors: StoredFactors; computed_at: Date }[]>`
    SELECT score::float8 AS score, factors, computed_at FROM identity_risk_scores WHERE identity_id = ${identityId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    identityId,
    score: row.score,
    band: riskBand(row.score),
    computedAt: row.computed_at.toISOString(),
    formula: RISK_FORMULA,
    factors: factorViews(row.factors),
  };
}

/** Largest "Top risks" list a caller may ask for. */
export const TOP_RISKS_MAX = 100;

const limitSchema = z.number().int().min(1).max(TOP_RISKS_MAX);

/**
 * The highest-scored present identities, highest first (ties by id), for the dashboard; an owner
 * gets only the identities that name them (`identities_of_owner`, as everywhere else).
 */
export async function topRisks(caller: Caller, limit: number): Promise<TopRisk[]> {
  requirePermission(caller, "inventory:read");
  if (!limitSchema.safeParse(limit).success) {
    throw new AppError("INVALID_INPUT", `limit must be a whole number from 1 to ${TOP_RISKS_MAX}.`, "limit");
  }
  const ownerEmail = caller.role === "owner" ? caller.email : null;
  const rows = await getDb().$queryRaw<{ id: string; name: string; type: string; environment: string | null; score: number; factors: StoredFactors }[]>`
    SELECT i.id::text, i.name, i.type, i.environment, s.score::float8 AS score, s.factors
    FROM identity_risk_scores s
    JOIN identities i ON i.id = s.identity_id AND i.gone_since IS NULL
    WHERE ${ownerEmail}::text IS NULL OR s.identity_id IN (SELECT o.identity_id FROM identities_of_owner(${ownerEmail}) o)
    ORDER BY s.score DESC, s.identity_id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    identityId: row.id,
    name: row.name,
    type: row.type,
    environment: row.environment,
    score: row.score,
    band: riskBand(row.score),
    drivers: RISK_FACTORS.map((factor) => ({ factor, label: RISK_FACTOR_LABELS[factor], level: row.factors[factor].level, weight: Number(row.factors[factor].weight) }))
      .filter((d) => d.weight > 1)
      .sort((a, b) => b.weight - a.weight),
  }));
}
