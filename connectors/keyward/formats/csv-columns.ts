import type { SectionName } from "./natural-keys";

/*
 * Keyward CSV (format v1): the JSON entries flattened, one column per field, nested fields with a
 * dot (`owner.email`, `identityRef.externalId`) and maps/lists as JSON in one cell (`attributes`,
 * `tags`, `locations`). The first column is `kind`; each row says what it is. `keyward export
 * --format csv` writes exactly these columns, so its files import back.
 */

export const CSV_KINDS = ["identity", "credential", "resource", "edge", "person", "finding"] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** Which document section (and stream) rows of a kind load into; findings are never imported. */
export const SECTION_OF_KIND: Record<Exclude<CsvKind, "finding">, SectionName> = {
  identity: "identities",
  credential: "credentials",
  resource: "resources",
  edge: "edges",
  person: "people",
};

const HEAD = ["kind", "id", "source", "sourceName", "scope"] as const;
const TAIL = ["firstSeenAt", "lastChangedAt", "goneSince"] as const;
const OWNER = ["owner.email", "owner.team", "owner.provenance"] as const;

/** Columns per kind, in the order the export writes them. */
export const CSV_COLUMNS: Record<Exclude<CsvKind, "finding">, readonly string[]> = {
  identity: [
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
  credential: [
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
    "value",
    "locations",
    "attributes",
    "tags",
    ...TAIL,
  ],
  resource: [...HEAD, "externalType", "externalId", "name", "type", "status", "environment", "attributes", ...TAIL],
  edge: [
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
  person: ["kind", "id", "externalId", "email", "name", "team", "manager", "status", ...TAIL],
};

/** Columns of the export's findings rows: known so an exported folder imports, but never loaded. */
export const FINDING_COLUMNS: readonly string[] = [
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
];

export type CellType = "text" | "bool" | "int" | "json";

/** Columns whose cells are not plain text. */
export const CELL_TYPES: Readonly<Record<string, CellType>> = {
  isHuman: "bool",
  interactive: "bool",
  keySize: "int",
  attributes: "json",
  tags: "json",
  locations: "json",
};

/** Every column any kind knows, by lowercase name → canonical name. */
export const KNOWN_COLUMNS: ReadonlyMap<string, string> = new Map(
  [...Object.values(CSV_COLUMNS), FINDING_COLUMNS].flat().map((name) => [name.toLowerCase(), name]),
);

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). The export
 * prefixes such cells with `'`; the import removes a `'` only in front of one of these (or of
 * another `'`), so a hand-written `'Ohana` keeps its apostrophe.
 */
export const FORMULA_LEAD = /^(?:['=+\-@\t\r\n\0]|[\s\0]+[=+\-@])/;
