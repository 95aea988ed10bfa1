import { describe, expect, it } from "vitest";
import { assertOpenForDecisions, assertTransition, CampaignConflictError, canTransition } from "@/lib/campaigns/campaign-states";
import { CAMPAIGN_STATUSES } from "@/lib/campaigns/campaign-types";
import { HTTP_STATUS } from "@/lib/errors";

const LEGAL = new Set(["DRAFT>ACTIVE", "DRAFT>CANCELLED", "ACTIVE>CLOSED", "ACTIVE>CANCELLED"]);
const pairs = CAMPAIGN_STATUSES.flatMap((from) => CAMPAIGN_STATUSES.map((to) => [from, to] as const));

describe("campaign state machine", () => {
  it.each(pairs)("%s → %s is legal only if listed", (from, to) => {
    const legal = LEGAL.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(legal);
    if (legal) expect(() => assertTransition(from, to)).not.toThrow();
    else {
      let error: unknown;
      try {
        assertTransition(from, to);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CampaignConflictError);
      expect(error).toMatchObject({ code: "CONFLICT", from, to });
      expect(HTTP_STATUS[(error as CampaignConflictError).code]).toBe(409);
    }
  });

  it("takes decisions only while active", () => {
    expect(() => assertOpenForDecisions("ACTIVE")).not.toThrow();
    for (const status of ["DRAFT", "CLOSED", "CANCELLED"] as const) {
      expect(() => assertOpenForDecisions(status)).toThrow(CampaignConflictError);
    }
    expect(() => assertOpenForDecisions("CLOSED")).toThrow(/final/);
  });
});
