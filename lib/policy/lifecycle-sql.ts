import "server-only";

/*
 * The findings lifecycle as set-based statements. kw_violations holds what violates now; one
 * FULL JOIN against the evaluated rules' findings sets aside only what must change (kw_changes),
 * so an unchanged inventory costs one join and writes nothing. Parameters: $1 = as-of instant,
 * $2 = the evaluated rule ids (STAGE_CHANGES only). Each transition RETURNS (rule, subject_type,
 * subject_id, status) for the audit trail.
 */

/** Subjects per audit event: one event per rule, transition and up to this many findings. */
export const AUDIT_BATCH_SIZE = 1000;

const ACCEPTANCE_EXPIRED = "coalesce(f.accepted_until, '-infinity'::timestamptz) < $1";

/**
 * Every (rule, subject) whose finding must change, and how:
 *   new              violating, no finding yet
 *   resolve          open or accepted, no longer violating (suppressed ones stay as they are)
 *   reopen-returned  resolved, violating again
 *   reopen-expired   accepted, violating, acceptance ended before $1
 *   update           otherwise violating, but evidence / severity / OWASP category changed
 * Materialised before anything is written: an INSERT anti-joining `findings` itself could rescan
 * the rows it inserts (quadratic when the planner believes `findings` empty).
 */
export const STAGE_CHANGES = `
CREATE TEMP TABLE kw_changes ON COMMIT DROP AS
SELECT CASE WHEN f.id IS NULL THEN 'new'
            WHEN v.subject_id IS NULL THEN 'resolve'
            WHEN f.status = 'resolved' THEN 'reopen-returned'
            WHEN f.status = 'accepted' AND ${ACCEPTANCE_EXPIRED} THEN 'reopen-expired'
            ELSE 'update' END AS change,
       f.id AS finding_id,
       coalesce(v.rule, f.rule) AS rule, coalesce(v.subject_type, f.subject_type) AS subject_type,
       coalesce(v.subject_id, f.subject_id) AS subject_id, v.severity, v.owasp, v.evidence
FROM kw_violations v
FULL JOIN (SELECT id, rule, subject_type, subject_id, status, accepted_until, severity, owasp, evidence
           FROM findings WHERE rule = ANY($2::text[])) f
  ON f.rule = v.rule AND f.subject_type = v.subject_type AND f.subject_id = v.subject_id
WHERE f.id IS NULL
   OR (v.subject_id IS NULL AND f.status IN ('open', 'accepted'))
   OR (v.subject_id IS NOT NULL AND (f.status = 'resolved' OR (f.status = 'accepted' AND ${ACCEPTANCE_EXPIRED})
       OR f.evidence IS DISTINCT FROM v.evidence OR f.severity <> v.severity OR f.owasp <> v.owasp))`;

/** Joins a finding-like row's subject (`row.subject_type`, `row.subject_id`) as i / c / ci. */
export function subjectJoins(row: string): string {
  return `LEFT JOIN identities i ON ${row}.subject_type = 'identity' AND i.id = ${row}.subject_id
LEFT JOIN credentials c ON ${row}.subject_type = 'credential' AND c.id = ${row}.subject_id
LEFT JOIN identities ci ON ci.id = c.identity_id`;
}

/** Suppression `s` covers the subject of `row` (joined by subjectJoins): every non-null scope column matches. */
export function suppressionCovers(s: string, row: string): string {
  return `(${s}.subject_id IS NULL OR (${s}.subject_type = ${row}.subject_type AND ${s}.subject_id = ${row}.subject_id))
  AND (${s}.source_id IS NULL OR ${s}.source_id = coalesce(i.source_id, c.source_id))
  AND (${s}.environment IS NULL OR ${s}.environment = lower(btrim(coalesce(i.environment, c.environment, ci.environment))))`;
}

/**
 * Findings about to open or reopen that a suppression in force covers: same rule, and every
 * non-null scope column matches the subject (a credential's environment falls back to its identity's).
 */
export const STAGE_SUPPRESSED = `
CREATE TEMP TABLE kw_suppressed ON COMMIT DROP AS
SELECT d.rule, d.subject_type, d.subject_id, (array_agg(s.id ORDER BY s.created_at, s.id))[1] AS suppression_id
FROM kw_changes d
JOIN finding_suppressions s ON s.rule = d.rule AND s.lifted_at IS NULL
${subjectJoins("d")}
WHERE d.change IN ('new', 'reopen-returned', 'reopen-expired') AND ${suppressionCovers("s", "d")}
GROUP BY d.rule, d.subject_type, d.subject_id`;

const SUPPRESSED = "LEFT JOIN kw_suppressed s ON s.rule = d.rule AND s.subject_type = d.subject_type AND s.subject_id = d.subject_id";
const NEW_STATUS = "CASE WHEN s.suppression_id IS NULL THEN 'open' ELSE 'suppressed' END";
const VIOLATION = "evidence = d.evidence, severity = d.severity, owasp = d.owasp, last_seen_at = $1";
const RETURNING = "RETURNING f.rule, f.subject_type, f.subject_id::text AS subject_id, f.status";

export const TRANSITIONS = [
  {
    action: "finding.updated",
    reason: "evidence changed",
    sql: `UPDATE findings f SET ${VIOLATION}
      FROM kw_changes d WHERE d.change = 'update' AND f.id = d.finding_id ${RETURNING}`,
  },
  {
    action: "finding.reopened",
    reason: "condition returned",
    sql: `UPDATE findings f SET status = ${NEW_STATUS}, suppression_id = s.suppression_id, resolved_at = NULL, ${VIOLATION}
      FROM kw_changes d ${SUPPRESSED} WHERE d.change = 'reopen-returned' AND f.id = d.finding_id ${RETURNING}`,
  },
  {
    action: "finding.reopened",
    reason: "acceptance expired",
    sql: `UPDATE findings f SET status = ${NEW_STATUS}, suppression_id = s.suppression_id, accepted_until = NULL, justification = NULL, ${VIOLATION}
      FROM kw_changes d ${SUPPRESSED} WHERE d.change = 'reopen-expired' AND f.id = d.finding_id ${RETURNING}`,
  },
  {
    action: "finding.resolved",
    reason: "condition cleared",
    sql: `UPDATE findings f SET status = 'resolved', resolved_at = $1, accepted_until = NULL, justification = NULL
      FROM kw_changes d WHERE d.change = 'resolve' AND f.id = d.finding_id ${RETURNING}`,
  },
  {
    action: "finding.opened",
    reason: "new violation",
    sql: `INSERT INTO findings AS f (id, rule, severity, owasp, status, subject_type, subject_id, evidence, first_seen_at, last_seen_at, suppression_id)
      SELECT gen_random_uuid(), d.rule, d.severity, d.owasp, ${NEW_STATUS}, d.subject_type, d.subject_id, d.evidence, $1, $1, s.suppression_id
      FROM kw_changes d ${SUPPRESSED} WHERE d.change = 'new'
      -- In index order: a first evaluation inserts millions, and sorted inserts keep the index pages hot.
      ORDER BY d.rule, d.subject_type, d.subject_id
      ON CONFLICT (rule, subject_type, subject_id) DO NOTHING ${RETURNING}`,
  },
] as const;

/**
 * Wraps a transition so the database returns audit batches rather than one row per finding:
 * (rule, subject_type, status, n, subject_ids[≤ AUDIT_BATCH_SIZE]).
 */
export function batchedForAudit(transition: string): string {
  return `WITH changed AS (${transition})
SELECT rule, subject_type, status, count(*)::int AS n, json_agg(subject_id ORDER BY subject_id) AS subject_ids
FROM (SELECT c.*, (row_number() OVER (PARTITION BY rule, subject_type, status ORDER BY subject_id) - 1) / ${AUDIT_BATCH_SIZE} AS batch
      FROM changed c) x
GROUP BY rule, subject_type, status, batch
ORDER BY rule, subject_type, status, batch`;
}
