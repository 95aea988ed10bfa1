import "server-only";
import type {
  CredentialRecord,
  EdgeRecord,
  IdentityRecord,
  KeywardRecord,
  PersonRecord,
  RecordKind,
  ResourceRecord,
} from "@/connectors/sdk";
import { copyText, jsonPayload } from "@/lib/sync/copy-text";

/*
 * One validated record → the data part of its staging row: the natural-key columns, then one
 * JSON array holding every other stored value, in the order of `KindSpec.payload`
 * (kind-specs.ts). PostgreSQL parses that array only for rows that changed; a re-sync of
 * unchanged data never pays for parsing timestamps and jsonb. The content hash is computed over
 * exactly this text, so it covers everything stored, including the scope and the environment
 * default applied.
 */

/** People carry no external type in the SDK; they are stored and referenced as ("person", externalId). */
export const PERSON_EXTERNAL_TYPE = "person";

/**
 * Edges a stream emits are owned by that stream, per relation: `edge:<stream>:<type>`, e.g.
 * `edge:api-keys:has_credential`. The stream name is part of it so that one stream's sweep never
 * retires edges another stream of the same scope reported.
 */
export function edgeExternalType(stream: string, type: string): string {
  return `edge:${stream}:${type}`;
}

export type LineContext = { scope: string; stream: string; defaultEnvironment: string | undefined };

/** `data`: staging columns as COPY text; `key`: the natural key inside the source, as one string. */
export type RecordLine = { kind: RecordKind; data: string; key: string };

/**
 * The record fields in payload order, per kind, for error messages. kind-specs.ts lists the
 * matching columns in the same order (record-lines.test.ts checks that they line up).
 */
export const PAYLOAD_FIELDS = {
  identity: ["scope", "name", "type", "status", "environment", "createdAt", "lastActivityAt", "isHuman", "interactive", "purpose", "endDate", "businessService", "ownerHint", "attributes", "tags"],
  credential: ["scope", "name", "type", "status", "identityRef.externalType", "identityRef.externalId", "environment", "createdAt", "lastRotatedAt", "lastUsedAt", "expiresAt", "algorithm", "keySize", "fingerprint", "thumbprint", "maskedHint", "locations", "attributes", "tags"],
  resource: ["scope", "name", "type", "environment", "attributes"],
  person: ["scope", "email", "name", "team", "managerEmail", "status"],
  edge: ["scope", "type", "level", "attributes"],
} as const satisfies Record<RecordKind, readonly string[]>;

const env = (record: { environment?: string }, ctx: LineContext) => record.environment ?? ctx.defaultEnvironment ?? null;
const nodeKey = (r: { externalType: string; externalId: string }) =>
  `${copyText(r.externalType, "externalType")}\t${copyText(r.externalId, "externalId")}`;

function identityLine(r: IdentityRecord, ctx: LineContext): string {
  const payload = [
    ctx.scope, r.name, r.type, r.status ?? "unknown", env(r, ctx), r.createdAt ?? null, r.lastActivityAt ?? null,
    r.isHuman ?? null, r.interactive ?? null, r.purpose ?? null, r.endDate ?? null, r.businessService ?? null,
    r.ownerHint ?? null, r.attributes, r.tags,
  ];
  return `${nodeKey(r)}\t${jsonPayload(payload, PAYLOAD_FIELDS.identity)}`;
}

function credentialLine(r: CredentialRecord, ctx: LineContext): string {
  const payload = [
    ctx.scope, r.name, r.type, r.status, r.identityRef?.externalType ?? null, r.identityRef?.externalId ?? null,
    env(r, ctx), r.createdAt ?? null, r.lastRotatedAt ?? null, r.lastUsedAt ?? null, r.expiresAt ?? null,
    r.algorithm ?? null, r.keySize ?? null, r.fingerprint ?? null, r.thumbprint ?? null, r.maskedHint ?? null,
    r.locations, r.attributes, r.tags,
  ];
  return `${nodeKey(r)}\t${jsonPayload(payload, PAYLOAD_FIELDS.credential)}`;
}

function resourceLine(r: ResourceRecord, ctx: LineContext): string {
  return `${nodeKey(r)}\t${jsonPayload([ctx.scope, r.name, r.type, env(r, ctx), r.attributes], PAYLOAD_FIELDS.resource)}`;
}

function personLine(r: PersonRecord, ctx: LineContext): string {
  const payload = [ctx.scope, r.email, r.name ?? null, r.team ?? null, r.managerEmail ?? null, r.status];
  return `${PERSON_EXTERNAL_TYPE}\t${copyText(r.externalId, "externalId")}\t${jsonPayload(payload, PAYLOAD_FIELDS.person)}`;
}

function edgeLine(r: EdgeRecord, ctx: LineContext): string {
  const key =
    `${r.type}\t${copyText(r.from.externalType, "from.externalType")}\t${copyText(r.from.externalId, "from.externalId")}\t` +
    `${copyText(r.to.externalType, "to.externalType")}\t${copyText(r.to.externalId, "to.externalId")}`;
  return `${key}\t${jsonPayload([ctx.scope, edgeExternalType(ctx.stream, r.type), r.level ?? null, r.attributes], PAYLOAD_FIELDS.edge)}`;
}

/** The natural key inside one source, as one string (for repeat detection). */
function naturalKey(record: KeywardRecord): string {
  switch (record.kind) {
    case "edge":
      return `${record.type}\0${record.from.externalType}\0${record.from.externalId}\0${record.to.externalType}\0${record.to.externalId}`;
    case "person":
      return record.externalId;
    default:
      return `${record.externalType}\0${record.externalId}`;
  }
}

/** Throws `RecordEncodingError` (naming the field) for a value PostgreSQL could not store. */
export function recordLine(record: KeywardRecord, ctx: LineContext): RecordLine {
  const key = naturalKey(record);
  switch (record.kind) {
    case "identity":
      return { kind: "identity", data: identityLine(record, ctx), key };
    case "credential":
      return { kind: "credential", data: credentialLine(record, ctx), key };
    case "resource":
      return { kind: "resource", data: resourceLine(record, ctx), key };
    case "person":
      return { kind: "person", data: personLine(record, ctx), key };
    case "edge":
      return { kind: "edge", data: edgeLine(record, ctx), key };
  }
}
