import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { computeInventorySummary, countOpenFindings, type InventorySummary, type SummaryQuery } from "@/lib/inventory/inventory-summary";
import { executorOf, type SqlTarget } from "@/lib/policy/sql-executor";

/**
 * The dashboard reads precomputed figures: aggregating a million credentials takes seconds, a
 * page view must take milliseconds. `refreshDashboardRollup` runs after every load (sync,
 * import) once policies were evaluated, and daily from the worker so ages and expiry windows
 * move with the calendar; each refresh also keeps that day's snapshot for the trend chart.
 */

/** The one rollup scope: the whole inventory. Owners' narrowed figures are computed per request. */
const WHOLE_INVENTORY = "all";

/** Days of history the trend chart shows. */
export const TREND_DAYS = 90;

export type TrendPoint = { day: string; identities: number; credentials: number; openFindings: number };

export type Dashboard = { summary: InventorySummary; trend: TrendPoint[] };

const queryOf = (target: SqlTarget): SummaryQuery => executorOf(target as Parameters<typeof executorOf>[0]).query;

/** Recomputes the whole inventory's figures and records them as today's snapshot (UTC day). */
export async function refreshDashboardRollup(target: SqlTarget, now = new Date()): Promise<InventorySummary> {
  const query = queryOf(target);
  const summary = await computeInventorySummary(query, null, now);
  const json = JSON.stringify(summary);
  await query(
    `INSERT INTO dashboard_rollups (scope, summary, computed_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (scope) DO UPDATE SET summary = EXCLUDED.summary, computed_at = EXCLUDED.computed_at`,
    [WHOLE_INVENTORY, json, now],
  );
  await query(
    `INSERT INTO inventory_snapshots (day, summary, taken_at) VALUES (($1::timestamptz AT TIME ZONE 'UTC')::date, $2::jsonb, $1)
     ON CONFLICT (day) DO UPDATE SET summary = EXCLUDED.summary, taken_at = EXCLUDED.taken_at`,
    [now, json],
  );
  return summary;
}

/** The dashboard of `caller`: the rollup (owners: their own figures, live), with the trend. */
export async function readDashboard(caller: Caller): Promise<Dashboard> {
  requirePermission(caller, "inventory:read");
  const db = getDb();
  const query = queryOf(db);
  if (caller.role === "owner") {
    // A handful of identities: computed live, and no organisation-wide trend.
    return { summary: await computeInventorySummary(query, caller.email, new Date()), trend: [] };
  }
  const [row] = await query<{ summary: InventorySummary }>(`SELECT summary FROM dashboard_rollups WHERE scope = $1`, [WHOLE_INVENTORY]);
  const summary = row ? { ...row.summary, ...(await countOpenFindings(query, null)) } : await refreshDashboardRollup(db);
  const snapshots = await query<{ day: string; summary: InventorySummary }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, summary FROM inventory_snapshots
     WHERE day > (now() AT TIME ZONE 'UTC')::date - $1::int ORDER BY day`,
    [TREND_DAYS],
  );
  const trend = snapshots.map(({ day, summary: s }) => ({
    day,
    identities: s.identities,
    credentials: s.credentials,
    openFindings: (s.openFindings ?? []).reduce((sum, f) => sum + f.count, 0),
  }));
  return { summary, trend };
}
