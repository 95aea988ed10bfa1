import { PROD_ENVIRONMENT_PATTERN } from "@/lib/domain/environment-class";

/*
 * SQL building blocks shared by the rules. Every rule query takes the same two parameters:
 *   $1  timestamptz  the instant the posture is evaluated at ("as of")
 *   $2  jsonb        the rule's resolved thresholds: { key: { prod, non-prod, environments } }
 * Ages and expiries are computed against $1 only, never now(), so `--as-of` is exact.
 */

export const AS_OF = "$1::timestamptz";

/** The record existed at $1: first seen by then, and not gone by then. */
export function present(alias: string): string {
  return `(${alias}.first_seen_at <= ${AS_OF} AND (${alias}.gone_since IS NULL OR ${alias}.gone_since > ${AS_OF}))`;
}

/**
 * Usable: `active`, or `unknown` (a secret whose state the source cannot tell is still a secret
 * someone can use). Identities use the same two values.
 */
export function live(alias: string): string {
  return `${alias}.status IN ('active', 'unknown')`;
}

/** Not revoked and not expired: the value may still be accepted somewhere (or reactivated). */
export function notDead(alias: string): string {
  return `${alias}.status NOT IN ('revoked', 'expired')`;
}

/**
 * Keys a cloud provider holds and rotates itself (GCP `keyType: SYSTEM_MANAGED`): nobody can
 * download, rotate or leak them, so age, use and count rules do not apply.
 */
export function providerManaged(alias: string): string {
  return `coalesce(${alias}.attributes->>'keyType', '') = 'SYSTEM_MANAGED'`;
}

/** True when the environment expression names production, or nothing (the stricter default). */
export function isProd(environment: string): string {
  return `(${environment} IS NULL OR btrim(${environment}) = '' OR lower(btrim(${environment})) ~ '${PROD_ENVIRONMENT_PATTERN}')`;
}

/**
 * The threshold `key` for a record in `environment` with `criticality`; same precedence as
 * lib/domain/policy-thresholds (exact environment > criticality > class).
 */
export function threshold(key: string, environment: string, criticality: string): string {
  const t = `($2::jsonb -> '${key}')`;
  return `coalesce((${t} -> 'environments' ->> lower(btrim(${environment})))::float8,
    (${t} -> 'criticalities' ->> lower(btrim(${criticality})))::float8,
    CASE WHEN ${isProd(environment)} THEN (${t} ->> 'prod')::float8 ELSE (${t} ->> 'non-prod')::float8 END)`;
}

/** A credential's criticality: its own `criticality` tag, falling back to its identity's (alias `i`). */
export function credentialCriticality(credential = "c", identity = "i"): string {
  return `coalesce(${credential}.tags->>'criticality', ${identity}.tags->>'criticality')`;
}

/** An identity's criticality: its `criticality` tag. */
export function identityCriticality(identity = "i"): string {
  return `(${identity}.tags->>'criticality')`;
}

/** The instant `days` (24 h each, DST-proof) before $1. */
export function daysBefore(days: string): string {
  return `(${AS_OF} - make_interval(secs => (${days}) * 86400))`;
}

export function daysAfter(days: string): string {
  return `(${AS_OF} + make_interval(secs => (${days}) * 86400))`;
}

/** A timestamp as evidence: UTC ISO-8601 whatever the session's TimeZone, so evidence is stable. */
export function iso(expression: string): string {
  return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A credential's environment, falling back to its identity's (alias `i`, LEFT JOINed). */
export function credentialEnvironment(credential = "c", identity = "i"): string {
  return `coalesce(${credential}.environment, ${identity}.environment)`;
}

/** JSON array element text of a jsonb value that may not be an array. */
export function asArray(expression: string): string {
  return `(CASE WHEN jsonb_typeof(${expression}) = 'array' THEN ${expression} ELSE '[]'::jsonb END)`;
}

/** The first `limit` elements of an aggregated jsonb array, in SQL (evidence stays bounded). */
export function firstOf(arrayAgg: string, limit: number): string {
  return `to_jsonb((${arrayAgg})[1:${limit}])`;
}

/** Evidence lists stop here; a count says how many there are in all. */
export const EVIDENCE_LIST_LIMIT = 20;
