import "server-only";

/**
 * Dashboard figures, aggregated in SQL over present records (gone ones excluded). The whole
 * inventory's figures are precomputed into a rollup (dashboard-rollup.ts); an owner's narrowed
 * figures are computed per request, over only their identities.
 */
export type InventorySummary = {
  /** When these figures were computed (ISO); expiry and age are relative to it. */
  computedAt: string;
  identities: number;
  credentials: number;
  ownedIdentities: number;
  activeCredentials: number;
  /** Active credentials without an open `credential-max-age` finding. */
  withinRotationPolicy: number;
  expiringIn30Days: number;
  olderThan90Days: number;
  /** Credentials found in code, files, CI settings or plain configuration (not only in a secret store). */
  outsideVaults: number;
  bySource: { provider: string; identities: number; credentials: number }[];
  identitiesByType: { type: string; count: number }[];
  credentialsByType: { type: string; count: number }[];
  rotationAge: { bucket: string; credentials: number }[];
  openFindings: { severity: string; count: number }[];
  openFindingsByOwasp: { owasp: string; count: number }[];
};

/** Runs one SQL statement with positional parameters (a Prisma client or a pg client). */
export type SummaryQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** Buckets of days since creation or last rotation, in display order. */
export const AGE_BUCKETS = ["< 30 d", "30–90 d", "90–180 d", "180–365 d", "> 1 y", "unknown"] as const;

const num = (value: unknown) => Number(value ?? 0);

/*
 * $1 = owner e-mail or NULL (everyone); statements that need the clock add $2 = now. Owners see the
 * identities that name them (`identities_of_owner`, as on every owner-scoped page) and those
 * identities' credentials; findings are counted for the same subjects.
 */
const SCOPED = `
  i AS (SELECT id, source_id, type, owner_hint FROM identities
        WHERE gone_since IS NULL AND ($1::text IS NULL OR id IN (SELECT o.identity_id FROM identities_of_owner($1) o))),
  c AS (SELECT c.id, c.source_id, c.type, c.status, c.expires_at, c.locations, c.attributes,
               coalesce(c.last_rotated_at, c.created_at_source) AS age_base
        FROM credentials c
        WHERE c.gone_since IS NULL AND ($1::text IS NULL OR c.identity_id IN (SELECT id FROM i))),
  f AS (SELECT severity, owasp, rule, subject_id FROM findings
        WHERE status = 'open' AND ($1::text IS NULL OR subject_id IN (SELECT id FROM i UNION ALL SELECT id FROM c)))`;

export async function computeInventorySummary(query: SummaryQuery, ownerEmail: string | null, now: Date): Promise<InventorySummary> {
  const params = [ownerEmail, now];
  const scopeOnly = [ownerEmail];
  const [totals] = await query<Record<string, bigint>>(
    `WITH ${SCOPED}
     SELECT (SELECT count(*) FROM i) AS identities,
            -- Owned = a resolved owner better than a suggestion (the no-owner rule's and the owner=none filter's test).
            (SELECT count(DISTINCT oc.identity_id) FROM owner_candidates($2) oc WHERE oc.rank < 4 AND oc.identity_id IN (SELECT id FROM i)) AS owned,
            (SELECT count(*) FROM c) AS credentials,
            (SELECT count(*) FROM c WHERE status = 'active') AS active,
            (SELECT count(*) FROM c WHERE status = 'active' AND NOT EXISTS
               (SELECT 1 FROM f WHERE f.rule = 'credential-max-age' AND f.subject_id = c.id)) AS within_rotation,
            (SELECT count(*) FROM c WHERE status = 'active' AND expires_at >= $2 AND expires_at < $2::timestamptz + interval '30 days') AS expiring,
            (SELECT count(*) FROM c WHERE status = 'active' AND age_base < $2::timestamptz - interval '90 days') AS old,
            (SELECT count(*) FROM c WHERE jsonb_array_length(locations) > 0 OR attributes->>'plainText' = 'true') AS outside_vaults`,
    params,
  );
  const bySource = await query<{ provider: string; identities: bigint; credentials: bigint }>(
    `WITH ${SCOPED}
     SELECT s.provider, coalesce(sum(ic.n), 0)::bigint AS identities, coalesce(sum(cc.n), 0)::bigint AS credentials
     FROM sources s
     LEFT JOIN (SELECT source_id, count(*) AS n FROM i GROUP BY source_id) ic ON ic.source_id = s.id
     LEFT JOIN (SELECT source_id, count(*) AS n FROM c GROUP BY source_id) cc ON cc.source_id = s.id
     GROUP BY s.provider ORDER BY s.provider`,
    scopeOnly,
  );
  const byType = await query<{ kind: string; type: string; n: bigint }>(
    `WITH ${SCOPED}
     SELECT 'identity' AS kind, type, count(*) AS n FROM i GROUP BY type
     UNION ALL SELECT 'credential', type, count(*) FROM c GROUP BY type
     ORDER BY n DESC, type`,
    scopeOnly,
  );
  const ages = await query<{ bucket: string; n: bigint }>(
    `WITH ${SCOPED}
     SELECT CASE
              WHEN age_base IS NULL THEN 'unknown'
              WHEN age_base > $2::timestamptz - interval '30 days' THEN '< 30 d'
              WHEN age_base > $2::timestamptz - interval '90 days' THEN '30–90 d'
              WHEN age_base > $2::timestamptz - interval '180 days' THEN '90–180 d'
              WHEN age_base > $2::timestamptz - interval '365 days' THEN '180–365 d'
              ELSE '> 1 y' END AS bucket, count(*) AS n
     FROM c GROUP BY 1`,
    params,
  );
  const ageCounts = new Map(ages.map((a) => [a.bucket, num(a.n)]));
  const typesOf = (kind: string) => byType.filter((r) => r.kind === kind).map((r) => ({ type: r.type, count: num(r.n) }));
  return {
    computedAt: now.toISOString(),
    identities: num(totals?.identities),
    credentials: num(totals?.credentials),
    ownedIdentities: num(totals?.owned),
    activeCredentials: num(totals?.active),
    withinRotationPolicy: num(totals?.within_rotation),
    expiringIn30Days: num(totals?.expiring),
    olderThan90Days: num(totals?.old),
    outsideVaults: num(totals?.outside_vaults),
    bySource: bySource.map((s) => ({ provider: s.provider, identities: num(s.identities), credentials: num(s.credentials) })),
    identitiesByType: typesOf("identity"),
    credentialsByType: typesOf("credential"),
    rotationAge: AGE_BUCKETS.map((bucket) => ({ bucket, credentials: ageCounts.get(bucket) ?? 0 })),
    ...(await countOpenFindings(query, ownerEmail)),
  };
}

/**
 * Open findings by severity and by OWASP category, read per request so that a finding accepted a
 * minute ago is not still shown as open. The whole inventory's counts come from
 * `open_finding_counts`, which triggers on `findings` keep exact (a few rows instead of millions);
 * an owner's are counted over their own subjects.
 */
export async function countOpenFindings(
  query: SummaryQuery,
  ownerEmail: string | null,
): Promise<Pick<InventorySummary, "openFindings" | "openFindingsByOwasp">> {
  const rows =
    ownerEmail === null
      ? await query<{ severity: string; owasp: string; n: bigint }>(`SELECT severity, owasp, n FROM open_finding_counts WHERE n > 0`, [])
      : await query<{ severity: string; owasp: string; n: bigint }>(
          `WITH ${SCOPED} SELECT severity, owasp, count(*) AS n FROM f GROUP BY severity, owasp`,
          [ownerEmail],
        );
  const sumBy = (key: "severity" | "owasp") => {
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(row[key], (totals.get(row[key]) ?? 0) + num(row.n));
    return [...totals].sort(([a], [b]) => a.localeCompare(b));
  };
  return {
    openFindings: sumBy("severity").map(([severity, count]) => ({ severity, count })),
    openFindingsByOwasp: sumBy("owasp").map(([owasp, count]) => ({ owasp, count })),
  };
}
