import "server-only";
import type { Db } from "@/lib/db";
import { jsonObject, locationsOf, refOf, stringMap } from "@/lib/inventory/export-owner";
import type { CredentialDetail, CredentialSummary, IdentityDetail, Limited, SyncFacts } from "@/lib/inventory/node-detail-types";

/*
 * The node's own row, with its source, turned into the detail DTO's fields (the related lists —
 * owner, findings, audit — are in node-detail-related.ts).
 */

/** Credentials of an identity, and same-secret credentials, listed at most. */
export const LIST_LIMIT = 100;

const iso = (value: Date | null) => value?.toISOString() ?? null;

type NodeBase = {
  id: string; name: string; type: string; status: string; environment: string | null; attributes: unknown; tags: unknown;
  scope: string; external_type: string; external_id: string; first_seen_at: Date; last_changed_at: Date;
  last_seen_generation: bigint; gone_since: Date | null; created_at_source: Date | null;
  source_id: string; source_name: string; provider: string; generation: bigint; last_complete_sync_at: Date | null;
};

function syncFacts(row: NodeBase): SyncFacts {
  return {
    source: { id: row.source_id, name: row.source_name, provider: row.provider, generation: row.generation.toString(), lastCompleteSyncAt: iso(row.last_complete_sync_at) },
    scope: row.scope, externalType: row.external_type, externalId: row.external_id,
    firstSeenAt: row.first_seen_at.toISOString(), lastChangedAt: row.last_changed_at.toISOString(),
    lastSeenGeneration: row.last_seen_generation.toString(), goneSince: iso(row.gone_since),
  };
}

const common = (row: NodeBase) => ({
  id: row.id, name: row.name, type: row.type, status: row.status, environment: row.environment,
  attributes: jsonObject(row.attributes), tags: stringMap(row.tags), createdAtSource: iso(row.created_at_source), sync: syncFacts(row),
});

type Related = "owner" | "findings" | "audit";

export async function identityRow(db: Db, id: string): Promise<Omit<IdentityDetail, Related | "credentials"> | null> {
  const [row] = await db.$queryRaw<(NodeBase & {
    last_activity_at: Date | null; is_human: boolean | null; interactive: boolean | null; purpose: string | null;
    end_date: Date | null; business_service: string | null;
  })[]>`
    SELECT i.id::text, i.name, i.type, i.status, i.environment, i.attributes, i.tags, i.scope, i.external_type, i.external_id,
           i.first_seen_at, i.last_changed_at, i.last_seen_generation, i.gone_since, i.created_at_source, i.last_activity_at,
           i.is_human, i.interactive, i.purpose, i.end_date, i.business_service,
           s.id::text AS source_id, s.name AS source_name, s.provider, s.generation, s.last_complete_sync_at
    FROM identities i JOIN sources s ON s.id = i.source_id WHERE i.id = ${id}::uuid`;
  if (!row) return null;
  return {
    kind: "identity", ...common(row), lastActivityAt: iso(row.last_activity_at), isHuman: row.is_human, interactive: row.interactive,
    purpose: row.purpose, endDate: iso(row.end_date), businessService: row.business_service,
  };
}

export async function credentialRow(db: Db, id: string): Promise<Omit<CredentialDetail, Related | "sameSecret"> | null> {
  const [row] = await db.$queryRaw<(NodeBase & {
    last_rotated_at: Date | null; last_used_at: Date | null; expires_at: Date | null; algorithm: string | null; key_size: number | null;
    fingerprint: string | null; thumbprint: string | null; masked_hint: string | null; locations: unknown; identity_ref: unknown;
    identity_id: string | null; identity_name: string | null; identity_type: string | null; identity_status: string | null;
  })[]>`
    SELECT c.id::text, c.name, c.type, c.status, c.environment, c.attributes, c.tags, c.scope, c.external_type, c.external_id,
           c.first_seen_at, c.last_changed_at, c.last_seen_generation, c.gone_since, c.created_at_source, c.last_rotated_at,
           c.last_used_at, c.expires_at, c.algorithm, c.key_size, c.fingerprint, c.thumbprint, c.masked_hint, c.locations, c.identity_ref,
           i.id::text AS identity_id, i.name AS identity_name, i.type AS identity_type, i.status AS identity_status,
           s.id::text AS source_id, s.name AS source_name, s.provider, s.generation, s.last_complete_sync_at
    FROM credentials c JOIN sources s ON s.id = c.source_id LEFT JOIN identities i ON i.id = c.identity_id
    WHERE c.id = ${id}::uuid`;
  if (!row) return null;
  return {
    kind: "credential", ...common(row), lastRotatedAt: iso(row.last_rotated_at), lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at), algorithm: row.algorithm, keySize: row.key_size, fingerprint: row.fingerprint,
    thumbprint: row.thumbprint, maskedHint: row.masked_hint, locations: locationsOf(row.locations),
    identity: row.identity_id ? { id: row.identity_id, name: row.identity_name!, type: row.identity_type!, status: row.identity_status! } : null,
    identityRef: row.identity_id ? null : refOf(row.identity_ref),
  };
}

type SummaryRow = {
  id: string; name: string; type: string; status: string; source_name: string; expires_at: Date | null;
  last_rotated_at: Date | null; last_used_at: Date | null; gone: boolean;
};

function summaries(rows: SummaryRow[]): Limited<CredentialSummary> {
  return {
    items: rows.slice(0, LIST_LIMIT).map((r) => ({
      id: r.id, name: r.name, type: r.type, status: r.status, sourceName: r.source_name, expiresAt: iso(r.expires_at),
      lastRotatedAt: iso(r.last_rotated_at), lastUsedAt: iso(r.last_used_at), gone: r.gone,
    })),
    more: rows.length > LIST_LIMIT,
  };
}

/** The identity's credentials, present ones first (credentials_identity_id_gone_since_idx). */
export async function credentialsOf(db: Db, identityId: string): Promise<Limited<CredentialSummary>> {
  return summaries(await db.$queryRaw<SummaryRow[]>`
    SELECT c.id::text, c.name, c.type, c.status, s.name AS source_name, c.expires_at, c.last_rotated_at, c.last_used_at,
           c.gone_since IS NOT NULL AS gone
    FROM credentials c JOIN sources s ON s.id = c.source_id
    WHERE c.identity_id = ${identityId}::uuid
    ORDER BY c.gone_since IS NOT NULL, c.name, c.id LIMIT ${LIST_LIMIT + 1}`);
}

/** Other present credentials with the same fingerprint: the same secret value elsewhere (credentials_fingerprint_idx). */
export async function sameSecretAs(db: Db, credentialId: string, fingerprint: string | null): Promise<Limited<CredentialSummary>> {
  if (!fingerprint) return { items: [], more: false };
  return summaries(await db.$queryRaw<SummaryRow[]>`
    SELECT c.id::text, c.name, c.type, c.status, s.name AS source_name, c.expires_at, c.last_rotated_at, c.last_used_at, false AS gone
    FROM credentials c JOIN sources s ON s.id = c.source_id
    WHERE c.fingerprint = ${fingerprint} AND c.id <> ${credentialId}::uuid AND c.gone_since IS NULL
    ORDER BY s.name, c.name, c.id LIMIT ${LIST_LIMIT + 1}`);
}
