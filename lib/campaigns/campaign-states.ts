import { AppError } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/campaigns/campaign-types";

/**
 * The campaign lifecycle: DRAFT → ACTIVE → CLOSED, and CANCELLED from either open state. CLOSED
 * and CANCELLED are final; anything else is a conflict (HTTP 409), never a silent no-op.
 */
export const LEGAL_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  DRAFT: ["ACTIVE", "CANCELLED"],
  ACTIVE: ["CLOSED", "CANCELLED"],
  CLOSED: [],
  CANCELLED: [],
};

/** A change the campaign's state does not allow. `code` is CONFLICT, so the API answers 409. */
export class CampaignConflictError extends AppError {
  constructor(
    message: string,
    readonly from: CampaignStatus,
    readonly to: CampaignStatus | null,
  ) {
    super("CONFLICT", message);
  }
}

export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return LEGAL_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: CampaignStatus, to: CampaignStatus): void {
  if (canTransition(from, to)) return;
  throw new CampaignConflictError(`A ${from.toLowerCase()} campaign cannot become ${to.toLowerCase()}.`, from, to);
}

/** Decisions and delegations are taken only while the campaign is active; after close they are final. */
export function assertOpenForDecisions(status: CampaignStatus): void {
  if (status === "ACTIVE") return;
  const why = status === "DRAFT" ? "has not started yet" : status === "CLOSED" ? "is closed: its decisions are final" : "was cancelled";
  throw new CampaignConflictError(`This campaign ${why}.`, status, null);
}
