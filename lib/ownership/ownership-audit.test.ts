import { describe, expect, it } from "vitest";
import { OWNERSHIP_AUDIT_BATCH, ownershipEvents } from "@/lib/ownership/ownership-audit";

const actor = { type: "user" as const, id: "u1", label: "ana@example.com" };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

describe("ownershipEvents", () => {
  it("targets the identity when there is one, and carries what it replaced", () => {
    const [event, ...rest] = ownershipEvents("ownership.assigned", actor, ["id-0"], { ownerEmail: "bo@example.com" }, [
      { identityId: "id-0", ownerEmail: "old@example.com", backupEmail: null },
      { identityId: "not-in-this-change", ownerEmail: "x@example.com", backupEmail: null },
    ]);
    expect(rest).toEqual([]);
    expect(event).toEqual({
      actor,
      action: "ownership.assigned",
      target: { type: "identity", id: "id-0" },
      summary: {
        ownerEmail: "bo@example.com",
        count: 1,
        identityIds: ["id-0"],
        previous: [{ identityId: "id-0", ownerEmail: "old@example.com", backupEmail: null }],
      },
    });
  });

  it("splits a bulk change into batches that name every identity exactly once", () => {
    const all = ids(OWNERSHIP_AUDIT_BATCH * 2 + 5);
    const events = ownershipEvents("ownership.cleared", actor, all, {});
    expect(events.map((e) => e.summary?.count)).toEqual([OWNERSHIP_AUDIT_BATCH, OWNERSHIP_AUDIT_BATCH, 5]);
    expect(events.every((e) => e.target === null && !("previous" in (e.summary ?? {})))).toBe(true);
    expect(events.flatMap((e) => e.summary?.identityIds as string[])).toEqual(all);
  });
});
