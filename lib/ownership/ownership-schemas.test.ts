import { describe, expect, it } from "vitest";
import { assignOwnerSchema, declarePurposeSchema, identityIdsSchema } from "@/lib/ownership/ownership-schemas";

const A = "0b6f4c1e-8a43-4b9e-9a57-6f3c1d2e4a10";
const B = "1c7e5d2f-9b54-4caf-8b68-7a4d2e3f5b21";

describe("ownership input schemas", () => {
  it("reads ids from a form's comma- or space-separated field, lower-cased and without duplicates", () => {
    expect(identityIdsSchema.parse(`${A}, ${B.toUpperCase()}\n${A}`)).toEqual([A, B]);
    expect(identityIdsSchema.parse([B])).toEqual([B]);
  });

  it("treats empty form fields as not given and lower-cases e-mails", () => {
    expect(assignOwnerSchema.parse({ identityIds: A, ownerEmail: " Ana@Example.COM ", backupEmail: "", note: "  " })).toEqual({
      identityIds: [A],
      ownerEmail: "ana@example.com",
    });
  });

  it("refuses the owner as their own backup, naming the backup field", () => {
    const result = assignOwnerSchema.safeParse({ identityIds: [A], ownerEmail: "ana@example.com", backupEmail: "ANA@example.com" });
    expect(result.success ? null : result.error.issues.map((i) => i.path.join("."))).toEqual(["backupEmail"]);
  });

  it("takes a calendar day as the end of that day in UTC, and an instant as given", () => {
    expect(declarePurposeSchema.parse({ identityId: A, purpose: "CI", endDate: "2030-02-28" }).endDate).toEqual(new Date("2030-02-28T23:59:59.999Z"));
    expect(declarePurposeSchema.parse({ identityId: A, purpose: "CI", endDate: "2030-02-28T10:00:00+02:00" }).endDate).toEqual(new Date("2030-02-28T08:00:00Z"));
    expect(declarePurposeSchema.parse({ identityId: A, purpose: "CI", endDate: "" }).endDate).toBeUndefined();
    expect(declarePurposeSchema.safeParse({ identityId: A, purpose: "CI", endDate: "2030-02-30" }).success).toBe(false);
  });
});
