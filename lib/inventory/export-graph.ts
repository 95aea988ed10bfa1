import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SourceNames } from "@/lib/inventory/export-nodes";
import { jsonObject } from "@/lib/inventory/export-owner";
import type { ExportEdge, ExportFinding, ExportPerson } from "@/lib/inventory/export-types";
import {
  goneAt,
  goneSinceAt,
  iso,
  keysetPages,
  windowSql,
  type ExportDb,
  type ExportWindow,
} from "@/lib/inventory/export-window";

type Tracked = { firstSeenAt: Date; lastChangedAt: Date; goneSince: Date | null };
const TRACKING = Prisma.raw(
  `t.first_seen_at AS "firstSeenAt", t.last_changed_at AS "lastChangedAt", t.gone_since AS "goneSince"`,
);
const tracking = (row: Tracked, window: ExportWindow) => ({
  firstSeenAt: iso(row.firstSeenAt)!,
  lastChangedAt: iso(row.lastChangedAt)!,
  goneSince: goneSinceAt(row.goneSince, window),
});

type EdgeRow = Tracked & {
  id: bigint;
  sourceId: string;
  scope: string;
  type: string;
  fromExternalType: string;
  fromExternalId: string;
  toExternalType: string;
  toExternalId: string;
  fromId: string | null;
  toId: string | null;
  level: string | null;
  attributes: unknown;
};

export async function* exportEdges(db: ExportDb, window: ExportWindow, sources: SourceNames): AsyncGenerator<ExportEdge> {
  // Edges have a bigint key in load order: the cheapest keyset there is.
  const select = Prisma.sql`SELECT t.id, t.source_id::text AS "sourceId", t.scope, t.type, t.from_external_type AS "fromExternalType",
    t.from_external_id AS "fromExternalId", t.to_external_type AS "toExternalType", t.to_external_id AS "toExternalId",
    t.from_id::text AS "fromId", t.to_id::text AS "toId", t.level, t.attributes, ${TRACKING} FROM edges t`;
  const pages = keysetPages<EdgeRow>(db, {
    select,
    where: windowSql(window),
    keys: [{ column: "id", cast: "bigint" }],
    keyOf: (r) => [r.id],
  });
  for await (const r of pages) {
    const source = sources.get(r.sourceId);
    yield {
      id: r.id.toString(),
      source: source?.provider ?? "unknown",
      sourceName: source?.name ?? "unknown",
      scope: r.scope,
      type: r.type,
      from: { externalType: r.fromExternalType, externalId: r.fromExternalId },
      to: { externalType: r.toExternalType, externalId: r.toExternalId },
      fromId: r.fromId,
      toId: r.toId,
      level: r.level,
      status: goneAt(r.goneSince, window) ? "gone" : "active",
      attributes: jsonObject(r.attributes),
      ...tracking(r, window),
    };
  }
}

type PersonRow = Tracked & {
  id: string;
  externalId: string;
  email: string;
  name: string | null;
  team: string | null;
  managerEmail: string | null;
  status: string;
};

export async function* exportPeople(db: ExportDb, window: ExportWindow): AsyncGenerator<ExportPerson> {
  const select = Prisma.sql`SELECT t.id::text AS id, t.external_id AS "externalId", t.email, t.name, t.team,
    t.manager_email AS "managerEmail", t.status, ${TRACKING} FROM people t`;
  const pages = keysetPages<PersonRow>(db, {
    select,
    where: windowSql(window),
    keys: [{ column: "id", cast: "uuid" }],
    keyOf: (r) => [r.id],
  });
  for await (const r of pages) {
    yield {
      id: r.id,
      externalId: r.externalId,
      email: r.email,
      name: r.name,
      team: r.team,
      manager: r.managerEmail,
      status: goneAt(r.goneSince, window) ? "gone" : r.status === "left" ? "left" : "active",
      ...tracking(r, window),
    };
  }
}

type FindingRow = {
  id: string;
  rule: string;
  severity: string;
  owasp: string;
  status: string;
  subjectType: string;
  subjectId: string;
  evidence: unknown;
  firstSeenAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  justification: string | null;
  acceptedUntil: Date | null;
};

/**
 * Findings first seen by `asOf`, with their status then: one resolved after `asOf` was still open.
 * (Accept/suppress transitions before their current state are in the audit log, not here.)
 */
export async function* exportFindings(db: ExportDb, window: ExportWindow): AsyncGenerator<ExportFinding> {
  const select = Prisma.sql`SELECT t.id::text AS id, t.rule, t.severity, t.owasp, t.status, t.subject_type AS "subjectType",
    t.subject_id::text AS "subjectId", t.evidence, t.first_seen_at AS "firstSeenAt", t.last_seen_at AS "lastSeenAt",
    t.resolved_at AS "resolvedAt", t.justification, t.accepted_until AS "acceptedUntil" FROM findings t`;
  const where = Prisma.sql`t.first_seen_at <= ${window.asOf}`;
  for await (const r of keysetPages<FindingRow>(db, {
    select,
    where,
    keys: [{ column: "id", cast: "uuid" }],
    keyOf: (f) => [f.id],
  })) {
    const resolvedByThen = r.resolvedAt !== null && r.resolvedAt <= window.asOf;
    yield {
      id: r.id,
      rule: r.rule,
      severity: r.severity,
      owasp: r.owasp,
      status: resolvedByThen ? "resolved" : r.status === "resolved" ? "open" : r.status,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      evidence: r.evidence,
      firstSeenAt: iso(r.firstSeenAt)!,
      lastSeenAt: iso(r.lastSeenAt < window.asOf ? r.lastSeenAt : window.asOf)!,
      resolvedAt: resolvedByThen ? iso(r.resolvedAt) : null,
      justification: r.justification,
      acceptedUntil: iso(r.acceptedUntil),
    };
  }
}
