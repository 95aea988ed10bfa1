import "server-only";
import { getDb } from "@/lib/db";
import { requirePermission, type Caller } from "@/lib/auth/session-context";

export type FindingCount = { rule: string; severity: string; owasp: string; status: string; count: number };

/** Findings per rule and status, for the triage overview (owners: see listFindings for their own). */
export async function countFindingsByRule(caller: Caller): Promise<FindingCount[]> {
  requirePermission(caller, "findings:triage");
  const rows = await getDb().$queryRaw<{ rule: string; severity: string; owasp: string; status: string; n: bigint }[]>`
    SELECT rule, severity, owasp, status, count(*) AS n FROM findings GROUP BY rule, severity, owasp, status
    ORDER BY array_position(ARRAY['critical','high','medium','low','info'], severity), rule, status`;
  return rows.map((r) => ({ rule: r.rule, severity: r.severity, owasp: r.owasp, status: r.status, count: Number(r.n) }));
}
