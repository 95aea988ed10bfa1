import type { ExportLocation, ExportOwner } from "@/lib/inventory/export-types";

/** The node kinds that have a detail page. */
export const DETAIL_KINDS = ["identity", "credential"] as const;
export type DetailKind = (typeof DETAIL_KINDS)[number];

/** Where the record came from and what the sync lifecycle knows of it (ARCHITECTURE "Sync lifecycle"). */
export type SyncFacts = {
  source: { id: string; name: string; provider: string; generation: string; lastCompleteSyncAt: string | null };
  scope: string;
  externalType: string;
  externalId: string;
  firstSeenAt: string;
  lastChangedAt: string;
  /** The generation that last wrote the row (unchanged rows are not stamped). */
  lastSeenGeneration: string;
  goneSince: string | null;
};

/** A person an `owned_by` edge names; `person` is null while the edge is dangling (not in the directory). */
export type OwnedByEntry = {
  person: { id: string; email: string; name: string | null; team: string | null; status: string } | null;
  reference: string;
  /** The source that reported the edge. */
  sourceName: string;
};

export type OwnerInfo = {
  /** The owner hint as its source reported it, with provenance (e.g. `aws.tag:owner`). */
  hint: ExportOwner | null;
  /** For a credential: the hint and edges are its identity's. */
  inheritedFrom: { id: string; name: string } | null;
  ownedBy: OwnedByEntry[];
};

export type NodeFinding = {
  id: string;
  rule: string;
  severity: string;
  owasp: string;
  status: string;
  subjectType: string;
  subjectName: string | null;
  evidence: Record<string, unknown>;
  firstSeenAt: string | null;
  lastSeenAt: string;
  acceptedUntil: string | null;
};

export type NodeAuditEvent = { id: string; occurredAt: string; actorLabel: string; action: string; target: string; summary: string };

/** Audit history, or null when the caller's role does not read the audit log. */
export type NodeAuditHistory = { events: NodeAuditEvent[]; more: boolean } | null;

export type CredentialSummary = {
  id: string;
  name: string;
  type: string;
  status: string;
  sourceName: string;
  expiresAt: string | null;
  lastRotatedAt: string | null;
  lastUsedAt: string | null;
  gone: boolean;
};

/** A list cut at a limit; `more` says there were others. */
export type Limited<T> = { items: T[]; more: boolean };

type CommonDetail = {
  id: string;
  name: string;
  type: string;
  status: string;
  environment: string | null;
  attributes: Record<string, unknown>;
  tags: Record<string, string>;
  owner: OwnerInfo;
  findings: NodeFinding[];
  audit: NodeAuditHistory;
  sync: SyncFacts;
};

export type IdentityDetail = CommonDetail & {
  kind: "identity";
  createdAtSource: string | null;
  lastActivityAt: string | null;
  isHuman: boolean | null;
  interactive: boolean | null;
  purpose: string | null;
  endDate: string | null;
  businessService: string | null;
  credentials: Limited<CredentialSummary>;
};

export type CredentialDetail = CommonDetail & {
  kind: "credential";
  createdAtSource: string | null;
  lastRotatedAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  algorithm: string | null;
  keySize: number | null;
  /** Keyed HMAC of the value (never the value); equal fingerprints are the same secret. */
  fingerprint: string | null;
  thumbprint: string | null;
  maskedHint: string | null;
  locations: ExportLocation[];
  identity: { id: string; name: string; type: string; status: string } | null;
  /** The identity as the source named it, when it has not been resolved to a record. */
  identityRef: { externalType: string; externalId: string } | null;
  /** Other present credentials holding the same secret value. */
  sameSecret: Limited<CredentialSummary>;
};

export type NodeDetail = IdentityDetail | CredentialDetail;
