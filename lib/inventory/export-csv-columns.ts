/*
 * Columns of `keyward export --format csv`: the JSON entries flattened, nested fields with a dot,
 * maps and lists as JSON in one cell. The first column is `kind`. These are the columns of
 * Keyward CSV (docs/formats/keyward.md), so an exported folder imports back; export-csv.test.ts
 * checks the two lists agree.
 */

const HEAD = ["kind", "id", "source", "sourceName", "scope"] as const;
const TAIL = ["firstSeenAt", "lastChangedAt", "goneSince"] as const;
const OWNER = ["owner.email", "owner.team", "owner.provenance"] as const;

export const EXPORT_CSV_COLUMNS = {
  identities: [
    ...HEAD,
    "externalType",
    "externalId",
    "name",
    "type",
    "status",
    "environment",
    ...OWNER,
    "createdAt",
    "lastActivityAt",
    "isHuman",
    "interactive",
    "purpose",
    "endDate",
    "businessService",
    "attributes",
    "tags",
    ...TAIL,
  ],
  credentials: [
    ...HEAD,
    "externalType",
    "externalId",
    "name",
    "type",
    "status",
    "identityId",
    "identityRef.externalType",
    "identityRef.externalId",
    "environment",
    ...OWNER,
    "createdAt",
    "lastRotatedAt",
    "lastUsedAt",
    "expiresAt",
    "algorithm",
    "keySize",
    "fingerprint",
    "thumbprint",
    "maskedHint",
    "locations",
    "attributes",
    "tags",
    ...TAIL,
  ],
  resources: [...HEAD, "externalType", "externalId", "name", "type", "status", "environment", "attributes", ...TAIL],
  edges: [
    ...HEAD,
    "type",
    "from.externalType",
    "from.externalId",
    "to.externalType",
    "to.externalId",
    "fromId",
    "toId",
    "level",
    "status",
    "attributes",
    ...TAIL,
  ],
  people: ["kind", "id", "externalId", "email", "name", "team", "manager", "status", ...TAIL],
  findings: [
    "kind",
    "id",
    "rule",
    "severity",
    "owasp",
    "status",
    "subjectType",
    "subjectId",
    "evidence",
    "firstSeenAt",
    "lastSeenAt",
    "resolvedAt",
    "justification",
    "acceptedUntil",
  ],
} as const;

/** The `kind` cell of each section's rows. */
export const KIND_OF_SECTION = {
  identities: "identity",
  credentials: "credential",
  resources: "resource",
  edges: "edge",
  people: "person",
  findings: "finding",
} as const;
