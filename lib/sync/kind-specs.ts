import "server-only";
import type { RecordKind } from "@/connectors/sdk";
import { IDENTITY_REF_EXPR, IDENTITY_REF_JOINS, sameSourceJoins, type NodeKind } from "@/lib/sync/resolve-sql";

/*
 * Where each record kind is staged and merged. Staging tables are session-TEMP tables (private
 * to the run's connection, not WAL-logged, gone when the session ends), so a crash before a merge
 * commits leaves no trace. A staging row is: the natural-key columns, the payload (a JSON array
 * of every other value, in `payload` order; record-lines.ts writes it), content_hash, seq and,
 * for edges, hint columns.
 */

type Column = readonly [name: string, type: string];

/** Node kinds a unit's edge ends were staged as (stager.ts): which joins resolve them. */
export type EndKinds = { from: ReadonlySet<NodeKind>; to: ReadonlySet<NodeKind> };

type References = (ends: EndKinds) => { joins: string; insert: readonly (readonly [column: string, expr: string])[] };
const NO_REFERENCES: References = () => ({ joins: "", insert: [] });

export type KindSpec = {
  kind: RecordKind;
  /** Target table. */
  table: string;
  /** Session-temporary staging table. */
  stage: string;
  /** Ids of target rows this run found unchanged (the sweep keeps them). */
  seen: string;
  idType: "uuid" | "bigint";
  /** Natural key after source_id: staged as text columns of the same names. */
  key: readonly string[];
  /** The payload's values, in order, with the SQL type each is read back as. */
  payload: readonly Column[];
  /** Extra staging columns that are not stored (edge end hints). */
  hintColumns: readonly Column[];
  /** Target column → expression over `s` (the staging row, payload unpacked). */
  insert: readonly (readonly [column: string, expr: string])[];
  /** Joins after `FROM … s` resolving references in this source, and the columns they fill ($1 = source id). */
  references: References;
  /** True for a written row (`t`) whose references are not all resolved: it gets the fallback (resolve-sql.ts). */
  unresolved: string | null;
  /** What names a row in audit summaries (never values). */
  auditColumns: readonly string[];
};

const t = "text";
const ts = "timestamptz";
const NODE_KEY = ["external_type", "external_id"] as const;
const same = (names: readonly string[]) => names.map((n) => [n, `s.${n}`] as const);
const payloadNames = (columns: readonly Column[], skip: readonly string[] = []) =>
  columns.map(([name]) => name).filter((name) => !skip.includes(name));

const identityPayload: Column[] = [
  ["scope", t], ["name", t], ["type", t], ["status", t], ["environment", t], ["created_at_source", ts],
  ["last_activity_at", ts], ["is_human", "boolean"], ["interactive", "boolean"], ["purpose", t], ["end_date", ts],
  ["business_service", t], ["owner_hint", "jsonb"], ["attributes", "jsonb"], ["tags", "jsonb"],
];

const identity: KindSpec = {
  kind: "identity",
  table: "identities",
  stage: "kw_stage_identity",
  seen: "kw_seen_identity",
  idType: "uuid",
  key: NODE_KEY,
  payload: identityPayload,
  hintColumns: [],
  insert: same([...NODE_KEY, ...payloadNames(identityPayload)]),
  references: NO_REFERENCES,
  unresolved: null,
  auditColumns: NODE_KEY,
};

const credentialPayload: Column[] = [
  ["scope", t], ["name", t], ["type", t], ["status", t], ["ref_type", t], ["ref_id", t], ["environment", t],
  ["created_at_source", ts], ["last_rotated_at", ts], ["last_used_at", ts], ["expires_at", ts], ["algorithm", t],
  ["key_size", "integer"], ["fingerprint", t], ["thumbprint", t], ["masked_hint", t], ["locations", "jsonb"],
  ["attributes", "jsonb"], ["tags", "jsonb"],
];

const credential: KindSpec = {
  kind: "credential",
  table: "credentials",
  stage: "kw_stage_credential",
  seen: "kw_seen_credential",
  idType: "uuid",
  key: NODE_KEY,
  payload: credentialPayload,
  hintColumns: [],
  insert: [
    ...same([...NODE_KEY, ...payloadNames(credentialPayload, ["ref_type", "ref_id"])]),
    [
      "identity_ref",
      `CASE WHEN s.ref_type IS NULL THEN NULL ELSE jsonb_build_object('externalType', s.ref_type, 'externalId', s.ref_id) END`,
    ],
  ],
  references: () => ({ joins: IDENTITY_REF_JOINS, insert: [["identity_id", IDENTITY_REF_EXPR]] }),
  unresolved: "t.identity_id IS NULL AND t.identity_ref IS NOT NULL",
  auditColumns: NODE_KEY,
};

const resourcePayload: Column[] = [["scope", t], ["name", t], ["type", t], ["environment", t], ["attributes", "jsonb"]];

const resource: KindSpec = {
  kind: "resource",
  table: "resources",
  stage: "kw_stage_resource",
  seen: "kw_seen_resource",
  idType: "uuid",
  key: NODE_KEY,
  payload: resourcePayload,
  hintColumns: [],
  insert: same([...NODE_KEY, ...payloadNames(resourcePayload)]),
  references: NO_REFERENCES,
  unresolved: null,
  auditColumns: NODE_KEY,
};

const personPayload: Column[] = [["scope", t], ["email", t], ["name", t], ["team", t], ["manager_email", t], ["status", t]];

const person: KindSpec = {
  kind: "person",
  table: "people",
  stage: "kw_stage_person",
  seen: "kw_seen_person",
  idType: "uuid",
  key: NODE_KEY,
  payload: personPayload,
  hintColumns: [],
  insert: same([...NODE_KEY, ...payloadNames(personPayload)]),
  references: NO_REFERENCES,
  unresolved: null,
  auditColumns: NODE_KEY,
};

const EDGE_KEY = ["type", "from_external_type", "from_external_id", "to_external_type", "to_external_id"] as const;
const edgePayload: Column[] = [["scope", t], ["external_type", t], ["level", t], ["attributes", "jsonb"]];

function edgeReferences(ends: EndKinds): ReturnType<References> {
  const from = sameSourceJoins("f", "s.from_external_type", "s.from_external_id", "s.from_kind", ends.from);
  const to = sameSourceJoins("e", "s.to_external_type", "s.to_external_id", "s.to_kind", ends.to);
  return { joins: `${from.joins}\n    ${to.joins}`, insert: [["from_id", from.expr], ["to_id", to.expr]] };
}

const edge: KindSpec = {
  kind: "edge",
  table: "edges",
  stage: "kw_stage_edge",
  seen: "kw_seen_edge",
  idType: "bigint",
  key: EDGE_KEY,
  payload: edgePayload,
  // Which node table an end probably lives in (from the types this run staged): saves probes.
  hintColumns: [["from_kind", t], ["to_kind", t]],
  insert: same([...EDGE_KEY, ...payloadNames(edgePayload)]),
  references: edgeReferences,
  unresolved: "t.from_id IS NULL OR t.to_id IS NULL",
  auditColumns: ["external_type", ...EDGE_KEY],
};

/** Merge order: nodes before the edges and credentials that point at them. */
export const KIND_SPECS: readonly KindSpec[] = [identity, resource, person, credential, edge];

export const SPEC_BY_KIND: Readonly<Record<RecordKind, KindSpec>> = { identity, credential, resource, person, edge };

/** Staging columns in COPY order. */
export function stageColumns(spec: KindSpec): Column[] {
  return [
    ...spec.key.map((name) => [name, "text"] as const),
    ["payload", "text"],
    ["content_hash", "text"],
    ["seq", "bigint"],
    ...spec.hintColumns,
  ];
}

/**
 * The staging rows with the payload unpacked into named, typed columns, as `s`. The JSON is
 * parsed once per row (OFFSET 0 keeps the planner from inlining the cast into every column,
 * which would parse it once per column), and only for rows that reach the upsert.
 */
export function unpackedStage(spec: KindSpec): string {
  const plain = [...spec.key, "content_hash", ...spec.hintColumns.map(([name]) => name)].map((c) => `st.${c}`);
  const unpacked = spec.payload.map(([name, type], i) =>
    type === "jsonb" ? `NULLIF(j.p -> ${i}, 'null'::jsonb) AS ${name}` : `(j.p ->> ${i})::${type} AS ${name}`,
  );
  return `(SELECT ${[...plain, ...unpacked].join(", ")}
      FROM ${spec.stage} st CROSS JOIN LATERAL (SELECT st.payload::jsonb AS p OFFSET 0) j) s`;
}
