import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { jsonObject, locationsOf, ownerOf, refOf, stringMap } from "@/lib/inventory/export-owner";
import type { ExportCredential, ExportIdentity, ExportResource } from "@/lib/inventory/export-types";
import {
  goneAt,
  goneSinceAt,
  iso,
  keysetPages,
  windowSql,
  type ExportDb,
  type ExportWindow,
} from "@/lib/inventory/export-window";

/** provider and name of each source (few rows), looked up instead of joined on every page. */
export type SourceNames = ReadonlyMap<string, { provider: string; name: string }>;

export async function loadSourceNames(db: ExportDb): Promise<SourceNames> {
  const rows = await db.$queryRaw<
    { id: string; provider: string; name: string }[]
  >`SELECT id::text AS id, provider, name FROM sources`;
  return new Map(rows.map((row) => [row.id, { provider: row.provider, name: row.name }]));
}

/** Natural-key order (the unique index): stable across databases, so exports diff cleanly. */
const NATURAL_KEY = [{ column: "source_id", cast: "uuid" }, { column: "external_type" }, { column: "external_id" }] as const;
type NodeRow = {
  id: string;
  sourceId: string;
  scope: string;
  externalType: string;
  externalId: string;
  name: string;
  type: string;
  environment: string | null;
  attributes: unknown;
  firstSeenAt: Date;
  lastChangedAt: Date;
  goneSince: Date | null;
};
const keyOf = (row: NodeRow) => [row.sourceId, row.externalType, row.externalId];
const NODE_COLUMNS = Prisma.raw(`t.id::text AS id, t.source_id::text AS "sourceId", t.scope, t.external_type AS "externalType",
  t.external_id AS "externalId", t.name, t.type, t.environment, t.attributes, t.first_seen_at AS "firstSeenAt",
  t.last_changed_at AS "lastChangedAt", t.gone_since AS "goneSince"`);

function nodeFields(row: NodeRow, sources: SourceNames, window: ExportWindow) {
  const source = sources.get(row.sourceId);
  return {
    id: row.id,
    source: source?.provider ?? "unknown",
    sourceName: source?.name ?? "unknown",
    scope: row.scope,
    externalType: row.externalType,
    externalId: row.externalId,
    name: row.name,
    type: row.type,
    environment: row.environment,
    gone: goneAt(row.goneSince, window),
  };
}

const tracking = (row: NodeRow, window: ExportWindow) => ({
  firstSeenAt: iso(row.firstSeenAt)!,
  lastChangedAt: iso(row.lastChangedAt)!,
  goneSince: goneSinceAt(row.goneSince, window),
});

type IdentityRow = NodeRow & {
  status: string;
  ownerHint: unknown;
  createdAtSource: Date | null;
  lastActivityAt: Date | null;
  isHuman: boolean | null;
  interactive: boolean | null;
  purpose: string | null;
  endDate: Date | null;
  businessService: string | null;
  tags: unknown;
};

export async function* exportIdentities(
  db: ExportDb,
  window: ExportWindow,
  sources: SourceNames,
): AsyncGenerator<ExportIdentity> {
  const select = Prisma.sql`SELECT ${NODE_COLUMNS}, t.status, t.owner_hint AS "ownerHint", t.created_at_source AS "createdAtSource",
    t.last_activity_at AS "lastActivityAt", t.is_human AS "isHuman", t.interactive, t.purpose, t.end_date AS "endDate",
    t.business_service AS "businessService", t.tags FROM identities t`;
  for await (const r of keysetPages<IdentityRow>(db, { select, where: windowSql(window), keys: NATURAL_KEY, keyOf })) {
    const { gone, ...node } = nodeFields(r, sources, window);
    yield {
      ...node,
      status: gone ? "gone" : r.status,
      owner: ownerOf(r.ownerHint),
      createdAt: iso(r.createdAtSource),
      lastActivityAt: iso(r.lastActivityAt),
      isHuman: r.isHuman,
      interactive: r.interactive,
      purpose: r.purpose,
      endDate: iso(r.endDate),
      businessService: r.businessService,
      attributes: jsonObject(r.attributes),
      tags: stringMap(r.tags),
      ...tracking(r, window),
    };
  }
}

type CredentialRow = NodeRow & {
  status: string;
  identityId: string | null;
  identityRef: unknown;
  identityOwnerHint: unknown;
  createdAtSource: Date | null;
  lastRotatedAt: Date | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  algorithm: string | null;
  keySize: number | null;
  fingerprint: string | null;
  thumbprint: string | null;
  maskedHint: string | null;
  locations: unknown;
  tags: unknown;
};

export async function* exportCredentials(
  db: ExportDb,
  window: ExportWindow,
  sources: SourceNames,
): AsyncGenerator<ExportCredential> {
  // The owner is the identity's: one index lookup per row, inside the page query.
  const select = Prisma.sql`SELECT ${NODE_COLUMNS}, t.status, t.identity_id::text AS "identityId", t.identity_ref AS "identityRef",
    (SELECT i.owner_hint FROM identities i WHERE i.id = t.identity_id) AS "identityOwnerHint",
    t.created_at_source AS "createdAtSource", t.last_rotated_at AS "lastRotatedAt", t.last_used_at AS "lastUsedAt",
    t.expires_at AS "expiresAt", t.algorithm, t.key_size AS "keySize", t.fingerprint, t.thumbprint, t.masked_hint AS "maskedHint",
    t.locations, t.tags FROM credentials t`;
  for await (const r of keysetPages<CredentialRow>(db, { select, where: windowSql(window), keys: NATURAL_KEY, keyOf })) {
    const { gone, ...node } = nodeFields(r, sources, window);
    yield {
      ...node,
      status: gone ? "gone" : r.status,
      identityId: r.identityId,
      identityRef: refOf(r.identityRef),
      owner: ownerOf(r.identityOwnerHint),
      createdAt: iso(r.createdAtSource),
      lastRotatedAt: iso(r.lastRotatedAt),
      lastUsedAt: iso(r.lastUsedAt),
      expiresAt: iso(r.expiresAt),
      algorithm: r.algorithm,
      keySize: r.keySize,
      fingerprint: r.fingerprint,
      thumbprint: r.thumbprint,
      maskedHint: r.maskedHint,
      locations: locationsOf(r.locations),
      attributes: jsonObject(r.attributes),
      tags: stringMap(r.tags),
      ...tracking(r, window),
    };
  }
}

export async function* exportResources(db: ExportDb, window: ExportWindow, sources: SourceNames): AsyncGenerator<ExportResource> {
  const select = Prisma.sql`SELECT ${NODE_COLUMNS} FROM resources t`;
  for await (const r of keysetPages<NodeRow>(db, { select, where: windowSql(window), keys: NATURAL_KEY, keyOf })) {
    const { gone, ...node } = nodeFields(r, sources, window);
    yield { ...node, status: gone ? "gone" : "active", attributes: jsonObject(r.attributes), ...tracking(r, window) };
  }
}
