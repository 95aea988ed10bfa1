/*
 * The published risk formula (docs/risk.md). Pure: no database, no Next. The SQL refresh
 * (risk-sql.ts) receives these weights as a parameter, so this file is the one place they live.
 *
 *   score = min(100, 5 × privilege × environment × exposure × reuse × age × ownership)
 *
 * rounded to one decimal. Each factor is a level with a weight (a multiplier); the levels of a
 * clean identity weigh 1 (privilege: read), so a factor only ever raises the score.
 */

export const RISK_FACTORS = ["privilege", "environment", "exposure", "reuse", "age", "ownership"] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

/** Every level of every factor and its weight. Dyadic fractions, so products are exact in binary too. */
export const RISK_WEIGHTS = {
  /** The strongest permission the identity holds directly, through a credential, or through a role it can assume. */
  privilege: { none: 0.5, read: 1, write: 2, admin: 4 },
  /** Production doubles the impact; an unset environment counts as production (lib/domain/environment-class). */
  environment: { "non-prod": 1, prod: 2 },
  /** A credential's value committed to a repository, or kept in plain configuration (open or accepted findings). */
  exposure: { none: 1, "plain-config": 1.5, code: 2 },
  /** A credential's value (keyed fingerprint) is held by another credential too. */
  reuse: { none: 1, reused: 1.5 },
  /** The oldest active credential against the rotation policy (credential-max-age's maxAgeDays). */
  age: { none: 1, within: 1, over: 1.25, "far-over": 1.5 },
  /** The resolved owner: none (or only suggested), a person who left / is unknown to the directory, or an active one. */
  ownership: { owned: 1, "no-owner": 1.5, "owner-departed": 1.75 },
} as const satisfies Record<RiskFactor, Record<string, number>>;

export type RiskLevel<F extends RiskFactor = RiskFactor> = keyof (typeof RISK_WEIGHTS)[F] & string;
export type RiskLevels = { [F in RiskFactor]: RiskLevel<F> };

/** The score of an identity at the baseline (read access, non-prod, clean, owned, rotated). */
export const RISK_BASE = 5;
/** Scores stop here: beyond it every identity is as bad as it gets. */
export const RISK_CAP = 100;

export const RISK_FACTOR_LABELS: Record<RiskFactor, string> = {
  privilege: "Privilege",
  environment: "Environment",
  exposure: "Exposure",
  reuse: "Reuse",
  age: "Age",
  ownership: "Ownership",
};

export const RISK_FORMULA = `min(${RISK_CAP}, ${RISK_BASE} × ${RISK_FACTORS.join(" × ")})`;

export function weightOf<F extends RiskFactor>(factor: F, level: RiskLevel<F>): number {
  const weight = (RISK_WEIGHTS[factor] as Record<string, number>)[level];
  if (weight === undefined) throw new Error(`Unknown ${factor} level: ${String(level)}`);
  return weight;
}

/** The score of a set of levels, rounded to one decimal as identity_risk_scores stores it. */
export function computeRiskScore(levels: RiskLevels): number {
  const product = RISK_FACTORS.reduce((acc, factor) => acc * weightOf(factor, levels[factor] as never), RISK_BASE);
  return Math.round(Math.min(RISK_CAP, product) * 10) / 10;
}

export const RISK_BANDS = ["low", "medium", "high", "critical"] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** Lowest score of each band (a score belongs to the highest band whose floor it reaches). */
export const RISK_BAND_FLOORS: Record<RiskBand, number> = { low: 0, medium: 25, high: 50, critical: 75 };

export function riskBand(score: number): RiskBand {
  if (score >= RISK_BAND_FLOORS.critical) return "critical";
  if (score >= RISK_BAND_FLOORS.high) return "high";
  if (score >= RISK_BAND_FLOORS.medium) return "medium";
  return "low";
}
