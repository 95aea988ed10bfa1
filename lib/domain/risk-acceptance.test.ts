import { describe, expect, it } from "vitest";
import { checkRiskAcceptance } from "@/lib/domain/risk-acceptance";

const now = new Date("2025-06-01T00:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe("checkRiskAcceptance", () => {
  it("accepts a justified acceptance ending within a year", () => {
    expect(checkRiskAcceptance({ justification: "Vendor fix due in Q3", until: inDays(90) }, now)).toBeNull();
    expect(checkRiskAcceptance({ justification: "Vendor fix due in Q3", until: inDays(365) }, now)).toBeNull();
  });

  it("names the justification when it is too short (after trimming)", () => {
    expect(checkRiskAcceptance({ justification: "   ten chars!   ", until: inDays(10) }, now)).toBeNull();
    expect(checkRiskAcceptance({ justification: "  short   ", until: inDays(10) }, now)?.field).toBe("justification");
    expect(checkRiskAcceptance({ justification: "x".repeat(2001), until: inDays(10) }, now)?.field).toBe("justification");
  });

  it("names the end date when it is past, now, invalid or more than a year away", () => {
    for (const until of [inDays(-1), now, new Date("nope"), new Date(inDays(365).getTime() + 1)]) {
      expect(checkRiskAcceptance({ justification: "Vendor fix due in Q3", until }, now)?.field).toBe("until");
    }
  });
});
