import { describe, expect, it } from "vitest";
import { COVERAGE_DETAIL_MAX_CHARS, coverageGapFromError } from "./coverage";
import { HttpError, TimeoutError } from "./http-errors";
import { coverageGapSchema } from "./records";

describe("coverageGapFromError", () => {
  it("maps 401/403, SDK access-denied errors and timeouts to their reasons", () => {
    const denied = coverageGapFromError("acct", "users", new HttpError(403, "GET", "https://api.example/x?sig=abc"));
    expect(denied).toMatchObject({ scope: "acct", stream: "users", reason: "permission_denied" });
    expect(denied.detail).not.toContain("sig=abc");
    const awsDenied = Object.assign(new Error("not authorized"), { name: "AccessDeniedException" });
    expect(coverageGapFromError("a", "s", awsDenied).reason).toBe("permission_denied");
    expect(coverageGapFromError("a", "s", new TimeoutError("https://x.example/", 10)).reason).toBe("timeout");
    expect(coverageGapFromError("a", "s", new HttpError(500, "GET", "https://x.example/")).reason).toBe("error");
  });

  it("produces a valid, bounded gap", () => {
    const gap = coverageGapFromError("a", "s", new Error("x".repeat(5_000)));
    expect(coverageGapSchema.safeParse(gap).success).toBe(true);
    expect(gap.detail.length).toBeLessThanOrEqual(COVERAGE_DETAIL_MAX_CHARS);
  });
});
