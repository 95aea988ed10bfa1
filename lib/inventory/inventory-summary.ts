import "server-only";
import { getDb } from "@/lib/db";
import { requirePermission, type Caller } from "@/lib/auth/session-context";

/** Dashboard figures, aggregated in SQL over present records (gone ones excluded). */
export type InventorySummary = {
  identities: number;
  credentials: number;
  ownedIdentities: number;
  expiringIn30Days: number;
  olderThan90Days: number;
  bySource: { provider: string; identities: number; credentials: number }[];
  rotationAge: { bucket: string; credentials: number }[];
  openFindings: { severity: string; count: number }[];
};

/** Buckets of days since creation or last rotation, in display order. */
const AGE_BUCKETS = ["< 30 d", "30–90 d", "90–180 d", "180–365 d", "> 1 y", "unknown"];

const num = (value: unknown) => Number(value ?? 0);

/**
 * Owners see only identities they own (and those identities' credentials); everyone else with
 * `inventory:read` sees the whole inventory.
 */
export async function summariseInventory(caller: Caller, now = new Date()): Promise<InventorySummary> {
  requirePermission(caller, "inventory:read");
  const db = getDb();
  const ownerEmail = caller.role === "owner" ? caller.email : null;
  const [totals] = await db.$queryRaw<Record<string, bigint>[]>`
    WITH i AS (
      SELECT id, owner_hint FROM identities
      WHERE gone_since IS NULL AND (${ownerEmail}::text IS NULL OR owner_hint->>'email' = ${ownerEmail})
    ), c AS (
      SELECT c.* FROM credentials c
      WHERE c.gone_since IS NULL AND (${ownerEmail}::text IS NULL OR c.identity_id IN (SELECT id FROM i))
    )
    SELECT (SELECT count(*) FROM i) AS identities,
           (SELECT count(*) FROM i WHERE owner_hint->>'email' IS NOT NULL) AS owned,
           (SELECT count(*) FROM c) AS credentials,
           (SELECT count(*) FROM c WHERE status = 'active' AND expires_at >= ${now} AND expires_at < ${now}::timestamptz + interval '30 days') AS expiring,
           (SELECT count(*) FROM c WHERE status = 'active' AND coalesce(last_rotated_at, created_at_source) < ${now}::timestamptz - interval '90 days') AS old`;
  const bySource = await db.$queryRaw<{ provider: string; identities: bigint; credentials: bigint }[]>`
    SELECT s.provider, coalesce(sum(ic.n), 0)::bigint AS identities, coalesce(sum(cc.n), 0)::bigint AS credentials
    FROM sources s
    LEFT JOIN (SELECT source_id, count(*) AS n FROM identities
               WHERE gone_since IS NULL AND (${ownerEmail}::text IS NULL OR owner_hint->>'email' = ${ownerEmail})
               GROUP BY source_id) ic ON ic.source_id = s.id
    LEFT JOIN (SELECT c.source_id, count(*) AS n FROM credentials c LEFT JOIN identities ci ON ci.id = c.identity_id
               WHERE c.gone_since IS NULL AND (${ownerEmail}::text IS NULL OR ci.owner_hint->>'email' = ${ownerEmail})
               GROUP BY c.source_id) cc ON cc.source_id = s.id
    GROUP BY s.provider ORDER BY s.provider`;
  const ages = await db.$queryRaw<{ bucket: string; n: bigint }[]>`
    SELECT CASE
             WHEN base IS NULL THEN 'unknown'
             WHEN base > ${now}::timestamptz - interval '30 days' THEN '< 30 d'
             WHEN base > ${now}::timestamptz - interval '90 days' THEN '30–90 d'
             WHEN base > ${now}::timestamptz - interval '180 days' THEN '90–180 d'
             WHEN base > ${now}::timestamptz - interval '365 days' THEN '180–365 d'
             ELSE '> 1 y' END AS bucket, count(*) AS n
    FROM (SELECT coalesce(c.last_rotated_at, c.created_at_source) AS base FROM credentials c
          LEFT JOIN identities ci ON ci.id = c.identity_id
          WHERE c.gone_since IS NULL AND (${ownerEmail}::text IS NULL OR ci.owner_hint->>'email' = ${ownerEmail})) x
    GROUP BY 1`;
  const findings = await db.$queryRaw<{ severity: string; n: bigint }[]>`
    SELECT severity, count(*) AS n FROM findings WHERE status = 'open' AND ${ownerEmail}::text IS NULL GROUP BY severity`;
  const ageCounts = new Map(ages.map((a) => [a.bucket, num(a.n)]));
  return {
    identities: num(totals?.identities),
    credentials: num(totals?.credentials),
    ownedIdentities: num(totals?.owned),
    expiringIn30Days: num(totals?.expiring),
    olderThan90Days: num(totals?.old),
    bySource: bySource.map((s) => ({ provider: s.provider, identities: num(s.identities), credentials: num(s.credentials) })),
    rotationAge: AGE_BUCKETS.map((bucket) => ({ bucket, credentials: ageCounts.get(bucket) ?? 0 })),
    openFindings: findings.map((f) => ({ severity: f.severity, count: num(f.n) })),
  };
}
