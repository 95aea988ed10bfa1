/*
 * What the ownership data layer hands to pages and components. Plain types and constants only
 * (no server code), so client components can import them.
 */

/**
 * Resolution levels, strongest first (docs/ownership.md). `suggested` is shown but never makes an
 * identity owned.
 */
export const OWNER_KINDS = ["explicit", "source", "catalog", "suggested"] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** Where a claim is stored: a Keyward assignment, the record's owner hint, or an `owned_by` edge. */
export type OwnerOrigin = "assignment" | "owner_hint" | "owned_by";

/** A person's standing in the people directory now; `unknown` = no present person has the e-mail. */
export type DirectoryStatus = "active" | "left" | "unknown";

export type DirectoryPersonDto = { email: string; name: string | null; status: DirectoryStatus };

export type OwnerCandidateDto = DirectoryPersonDto & {
  kind: OwnerKind;
  origin: OwnerOrigin;
  /** The source's own words for where the claim came from (`aws.tag:Owner`, `catalog:catalog-info.yaml`…). */
  provenance: string;
  /** The source that reported it; null for an assignment made in Keyward. */
  sourceName: string | null;
  /** This candidate is the resolved owner. */
  winner: boolean;
};

export type OwnershipDto = {
  identityId: string;
  identityName: string;
  /** The resolved owner: the best-ranked candidate, or null when nobody is named. */
  owner: OwnerCandidateDto | null;
  /** Owned = a resolved owner that is not merely suggested. */
  owned: boolean;
  backup: DirectoryPersonDto | null;
  assignment: { assignedBy: string; assignedAt: string; note: string | null } | null;
  confirmation: { confirmedBy: string; confirmedAt: string } | null;
  /** The team of the record's owner hint, shown beside the owner (a team alone is not an owner). */
  team: string | null;
  /** Every claim from every level, strongest first. */
  candidates: OwnerCandidateDto[];
  /** The effective purpose and end date; `declared` when an owner declared them in Keyward. */
  purpose: { purpose: string | null; endDate: string | null; declared: { by: string; at: string } | null };
};

export const OWNER_KIND_LABELS: Record<OwnerKind, string> = {
  explicit: "Assigned in Keyward",
  source: "Source tag, label or owner API",
  catalog: "CODEOWNERS / service catalog",
  suggested: "Suggested (creator or committer)",
};
