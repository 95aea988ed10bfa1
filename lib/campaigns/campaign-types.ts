/*
 * What the campaigns data layer hands to pages, the PDF renderer and the API. Plain types and
 * constants only (no server code), so client components can import them.
 */

export const CAMPAIGN_STATUSES = ["DRAFT", "ACTIVE", "CLOSED", "CANCELLED"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const DECISIONS = ["keep", "revoke", "rotate", "reassign", "extend"] as const;
export type Decision = (typeof DECISIONS)[number];

/** What an undecided item gets when its campaign closes. */
export const DEFAULT_ACTIONS = ["keep", "revoke"] as const;
export type DefaultAction = (typeof DEFAULT_ACTIONS)[number];

/** Why an item's reviewer is who they are. The first four are the fallback chain, in order. */
export type ReviewerBasis = "owner" | "backup" | "manager" | "security_queue" | "delegated" | "escalated";

/**
 * An identity whose risk score (table identity_risk_scores, 0–100) is at least this is
 * "high-risk": keeping it needs a comment. 70 is the lower bound of the "high" band of the risk
 * score (docs/campaigns.md).
 */
export const HIGH_RISK_SCORE = 70;

export type CampaignFilter = {
  /** Only these identities (a micro-review names one). */
  identityIds?: string[];
  sourceIds?: string[];
  types?: string[];
  environments?: string[];
  /** Only identities whose risk score is at least this. */
  minRisk?: number;
  /** Only identities with an open finding of one of these rules (on it or on one of its credentials). */
  rules?: string[];
  /** Only identities whose resolved owner is this e-mail. */
  ownerEmail?: string;
  /** Only identities with no decision in any campaign during the last N days. */
  notReviewedInDays?: number;
};

export type ReminderSettings = {
  /** An e-mail to every reviewer when the campaign starts. */
  kickoff: boolean;
  /** A reminder every N days after kickoff to reviewers with open items (null: none). */
  everyDays: number | null;
  /** One reminder N days before the due date (null: none). */
  beforeDueDays: number | null;
  /** Once overdue: escalate open items one step along their chain every N days, and tell the new reviewer (null: no escalation). */
  escalateEveryDays: number | null;
  /** Also post each occasion's summary to the webhook. */
  webhook: boolean;
};

export type CampaignDto = {
  id: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  filter: CampaignFilter;
  exclusions: string[];
  defaultAction: DefaultAction;
  securityQueue: string;
  dueAt: string;
  reminders: ReminderSettings;
  recurrence: string | null;
  reviewDays: number | null;
  seriesId: string | null;
  /** Set on an event-triggered micro-review: the event that opened it (always present from the data layer; optional for hand-made fixtures). */
  trigger?: string | null;
  createdBy: string;
  createdAt: string;
  activatedBy: string | null;
  activatedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  signOff: string | null;
  cancelledBy: string | null;
  cancelledAt: string | null;
  progress: { items: number; decided: number; pending: number };
};

/** What a reviewer sees to decide quickly. */
export type ReviewItemDto = {
  id: string;
  campaignId: string;
  campaignName: string;
  dueAt: string;
  identityId: string | null;
  identityName: string;
  identityType: string;
  sourceName: string;
  environment: string | null;
  ownerEmail: string | null;
  reviewerBasis: ReviewerBasis;
  status: "PENDING" | "DECIDED";
  decision: Decision | null;
  comment: string | null;
  context: {
    /** Latest of the identity's own activity and its credentials' last use. */
    lastUsedAt: string | null;
    /** Days since the identity was created at its source (or first seen by Keyward). */
    ageDays: number | null;
    privileges: { admin: number; write: number; read: number };
    openFindings: Array<{ rule: string; severity: string }>;
    /**
     * Blast-radius size, a cheap proxy: the number of present direct edges out of the identity
     * and out of its credentials (not the recursive walk of lib/inventory/blast-radius).
     */
    directEdges: number;
    riskScore: number | null;
    highRisk: boolean;
  };
};

export type ReviewPage = { items: ReviewItemDto[]; nextCursor: string | null };

export type RemediationDto = {
  id: string;
  itemId: string;
  identityId: string | null;
  identityName: string;
  action: "revoke" | "rotate";
  status: "OPEN" | "DONE";
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
  resolution: "owner" | "sync" | null;
  note: string | null;
};

export type EvidenceItemDto = {
  itemId: string;
  identityId: string | null;
  identityName: string;
  identityType: string;
  sourceName: string;
  environment: string | null;
  ownerEmail: string | null;
  riskScore: number | null;
  reviewerEmail: string;
  reviewerBasis: ReviewerBasis;
  escalationLevel: number;
  delegatedBy: string | null;
  decision: Decision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decidedByDefault: boolean;
  comment: string | null;
  newOwnerEmail: string | null;
  newEndDate: string | null;
  remediation: { action: string; status: string; doneAt: string | null; doneBy: string | null; resolution: string | null } | null;
};

/** Everything the evidence PDF and CSV show; built by campaignEvidence(). */
export type CampaignEvidenceDto = {
  campaign: CampaignDto;
  generatedAt: string;
  generatedBy: string;
  reviewers: Array<{ email: string; items: number; decided: number; pending: number }>;
  decisions: Record<Decision, number>;
  items: EvidenceItemDto[];
  remediation: { open: number; done: number };
};
