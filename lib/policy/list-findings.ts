import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { inTransaction, type SqlExecutor } from "@/lib/policy/sql-executor";
import { collectViolations, selectRules, type Violation } from "@/lib/policy/violations";

/** A finding as the CLI, the API and the export show it (PRODUCT.md "Contracts"). */
export type FindingDto = {
  /** Null for a point-in-time violation that was never recorded as a finding. */
  id: string | null;
  rule: string;
  severity: string;
  owasp: string;
  status: string;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  evidence: Record<string, unknown>;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  resolvedAt: string | null;
  acceptedUntil: string | null;
};

export const FINDING_STATUSES = ["open", "accepted", "suppressed", "resolved"] as const;

type Row = {
  id: string; rule: string; severity: string; owasp: string; status: string; subject_type: string; subject_id: string;
  subject_name: string | null; evidence: Record<string, unknown>; first_seen_at: Date; last_seen_at: Date;
  resolved_at: Date | null; accepted_until: Date | null;
};

const SEVERITY_ORDER = "array_position(ARRAY['critical','high','medium','low','info'], f.severity)";
const SUBJECT_NAME = `CASE f.subject_type WHEN 'identity' THEN (SELECT name FROM identities WHERE id = f.subject_id)
  ELSE (SELECT name FROM credentials WHERE id = f.subject_id) END`;

/**
 * Owners see findings on what they own only (ARCHITECTURE: the data layer narrows every query):
 * the identities that name them (`identities_of_owner`, migration 20261204050000_owner_scope) and
 * those identities' credentials.
 */
const VISIBLE_TO_OWNER = `(CASE f.subject_type WHEN 'identity' THEN f.subject_id ELSE (SELECT identity_id FROM credentials WHERE id = f.subject_id) END)
  IN (SELECT o.identity_id FROM identities_of_owner($3) o)`;

function toDto(row: Row): FindingDto {
  return {
    id: row.id, rule: row.rule, severity: row.severity, owasp: row.owasp, status: row.status,
    subjectType: row.subject_type, subjectId: row.subject_id, subjectName: row.subject_name, evidence: row.evidence,
    firstSeenAt: row.first_seen_at.toISOString(), lastSeenAt: row.last_seen_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null, acceptedUntil: row.accepted_until?.toISOString() ?? null,
  };
}

async function queryFindings(executor: SqlExecutor, caller: Caller, where: string, params: unknown[], limit?: number): Promise<Row[]> {
  return executor.query<Row>(
    `SELECT f.id::text, f.rule, f.severity, f.owasp, f.status, f.subject_type, f.subject_id::text, ${SUBJECT_NAME} AS subject_name,
            f.evidence, f.first_seen_at, f.last_seen_at, f.resolved_at, f.accepted_until
     FROM findings f
     WHERE ${where} AND ($3::text IS NULL OR ${VISIBLE_TO_OWNER})
     ORDER BY ${SEVERITY_ORDER}, f.rule, f.subject_id${limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(limit))}`}`,
    [...params, caller.role === "owner" ? caller.email.toLowerCase() : null],
  );
}

/** Recorded findings (the posture of the last evaluation), optionally one rule's and some statuses. */
export async function listFindings(
  caller: Caller,
  filter: { ruleIds?: readonly string[]; statuses?: readonly string[]; /** Most severe first; all when unset. */ limit?: number } = {},
): Promise<FindingDto[]> {
  requirePermission(caller, "inventory:read");
  const rules = selectRules(filter.ruleIds).map((r) => r.id);
  const statuses = filter.statuses ?? FINDING_STATUSES;
  const rows = await inTransaction(getDb(), (executor) =>
    queryFindings(executor, caller, "f.rule = ANY($1::text[]) AND f.status = ANY($2::text[])", [rules, statuses], filter.limit),
  );
  return rows.map(toDto);
}

/**
 * The posture as of `asOf`, computed on the fly in a read-only snapshot; nothing is written. Each
 * violation carries the recorded finding's triage where it still applies at `asOf` (suppressed;
 * accepted until at least then), else status `open`.
 */
export async function findingsAsOf(caller: Caller, asOf: Date, ruleIds?: readonly string[]): Promise<FindingDto[]> {
  requirePermission(caller, "inventory:read");
  const rules = selectRules(ruleIds);
  return inTransaction(
    getDb(),
    async (executor) => {
      const violations = await collectViolations(executor, asOf, rules);
      const recorded = await queryFindings(executor, caller, "f.rule = ANY($1::text[]) AND $2::boolean", [rules.map((r) => r.id), true]);
      const byKey = new Map(recorded.map((row) => [`${row.rule}/${row.subject_type}/${row.subject_id}`, row]));
      // Owners: only violations recorded on what they own (the narrowing query needs a finding row).
      const visible = caller.role === "owner" ? violations.filter((v) => byKey.has(keyOf(v))) : violations;
      const names = await subjectNames(executor, visible);
      return visible.map((v) => ({ ...overlay(v, byKey.get(keyOf(v)), asOf), subjectName: names.get(v.subjectId) ?? null }));
    },
    { readOnly: true },
  );
}

async function subjectNames(executor: SqlExecutor, violations: readonly Violation[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(violations.filter((v) => v.subjectType === type).map((v) => v.subjectId))];
  const rows = await executor.query<{ id: string; name: string }>(
    `SELECT id::text, name FROM identities WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id::text, name FROM credentials WHERE id = ANY($2::uuid[])`,
    [ids("identity"), ids("credential")],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

const keyOf = (v: Violation) => `${v.rule}/${v.subjectType}/${v.subjectId}`;

function overlay(v: Violation, row: Row | undefined, asOf: Date): FindingDto {
  const triaged =
    row?.status === "suppressed" || (row?.status === "accepted" && row.accepted_until !== null && row.accepted_until >= asOf);
  return {
    id: row?.id ?? null, rule: v.rule, severity: v.severity, owasp: v.owasp, status: triaged ? row!.status : "open",
    subjectType: v.subjectType, subjectId: v.subjectId, subjectName: null, evidence: v.evidence,
    firstSeenAt: row?.first_seen_at.toISOString() ?? null, lastSeenAt: row?.last_seen_at.toISOString() ?? null,
    resolvedAt: null, acceptedUntil: triaged ? (row?.accepted_until?.toISOString() ?? null) : null,
  };
}
