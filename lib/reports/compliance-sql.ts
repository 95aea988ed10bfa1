import "server-only";

/*
 * The report's SQL, each statement answering "as of $1" (docs/reports.md "As of"). A finding's
 * status at the instant T comes from its recorded history:
 *   not counted  first seen after T
 *   resolved     resolved at or before T (resolved_at)
 *   suppressed   suppressed now by a suppression created at or before T
 *   accepted     its latest `finding.accepted` audit event at or before T accepts it until T or later
 *   open         otherwise
 */

/** The latest acceptance of each finding at or before $1, from the audit log (who, when, why, until). */
const ACCEPTANCES = `
SELECT DISTINCT ON (e.target_id) e.target_id AS finding_id, e.occurred_at, e.actor_label,
       e.summary->>'justification' AS justification, (e.summary->>'until')::timestamptz AS accepted_until
FROM audit_events e
WHERE e.action = 'finding.accepted' AND e.target_type = 'finding' AND e.occurred_at <= $1
ORDER BY e.target_id, e.occurred_at DESC, e.id DESC`;

/** Every finding first seen by $1 with its status then (`status_at`). */
export const FINDINGS_AT = `
WITH acceptances AS (${ACCEPTANCES})
SELECT f.id, f.rule, f.severity, f.subject_type, f.subject_id, a.occurred_at AS accepted_at, a.actor_label AS accepted_by,
       a.justification, a.accepted_until,
       CASE WHEN f.resolved_at IS NOT NULL AND f.resolved_at <= $1 THEN 'resolved'
            WHEN f.status = 'suppressed' AND s.created_at <= $1 THEN 'suppressed'
            WHEN a.accepted_until >= $1 THEN 'accepted'
            ELSE 'open' END AS status_at
FROM findings f
LEFT JOIN finding_suppressions s ON s.id = f.suppression_id
LEFT JOIN acceptances a ON a.finding_id = f.id::text
WHERE f.first_seen_at <= $1`;

/** (rule, severity, status at $1, n). */
export const COUNTS_BY_RULE = `
SELECT rule, severity, status_at AS status, count(*)::int AS n FROM (${FINDINGS_AT}) x GROUP BY 1, 2, 3`;

/** The accepted risks in force at $1, most severe first. */
export const EXCEPTIONS_AT = `
SELECT x.id::text AS finding_id, x.rule, x.severity, x.subject_type, x.subject_id::text AS subject_id,
       CASE x.subject_type WHEN 'identity' THEN (SELECT name FROM identities WHERE id = x.subject_id)
            ELSE (SELECT name FROM credentials WHERE id = x.subject_id) END AS subject_name,
       x.justification, x.accepted_at, x.accepted_by, x.accepted_until
FROM (${FINDINGS_AT}) x
WHERE x.status_at = 'accepted'
ORDER BY array_position(ARRAY['critical','high','medium','low','info'], x.severity), x.accepted_until, x.rule, x.id`;

/**
 * Unresolved findings per rule at each trend point ($1 = the points, ascending): first seen by then
 * and not resolved by then. One pass over findings, one FILTER per point.
 */
export function trendByRuleSql(points: number): string {
  const columns = Array.from(
    { length: points },
    (_, i) => `count(*) FILTER (WHERE first_seen_at <= ($1::timestamptz[])[${i + 1}]
      AND (resolved_at IS NULL OR resolved_at > ($1::timestamptz[])[${i + 1}]))::int AS p${i}`,
  );
  return `SELECT rule, ${columns.join(",\n  ")} FROM findings WHERE first_seen_at <= ($1::timestamptz[])[${points}] GROUP BY rule`;
}

/** Each source that existed at $1 with its latest sync run finished by then (if any). */
export const COVERAGE_AT = `
SELECT s.id::text AS source_id, s.name, s.provider, r.id::text AS run_id, r.status, r.mode, r.started_at, r.finished_at, r.coverage_gaps
FROM sources s
LEFT JOIN LATERAL (
  SELECT id, status, mode, started_at, finished_at, coverage_gaps FROM sync_runs
  WHERE source_id = s.id AND finished_at IS NOT NULL AND finished_at <= $1
  ORDER BY finished_at DESC, started_at DESC LIMIT 1) r ON true
WHERE s.created_at <= $1
ORDER BY s.name`;
