import { describe, expect, it } from "vitest";
import { PERMISSIONS, roleCan, ROLES } from "@/lib/auth/permissions";

describe("permission map", () => {
  it("gives admins everything", () => {
    for (const permission of PERMISSIONS) expect(roleCan("admin", permission)).toBe(true);
  });

  it("keeps user and settings management with admins only", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(roleCan(role, "users:manage")).toBe(false);
      expect(roleCan(role, "settings:manage")).toBe(false);
      expect(roleCan(role, "sources:manage")).toBe(false);
    }
  });

  it("makes auditors read-only", () => {
    const writes = ["inventory:write", "findings:triage", "sync:run", "campaigns:manage", "reviews:decide"] as const;
    for (const permission of writes) expect(roleCan("auditor", permission)).toBe(false);
    expect(roleCan("auditor", "audit:read")).toBe(true);
    expect(roleCan("auditor", "reports:export")).toBe(true);
  });

  it("lets owners read and decide their reviews, nothing more", () => {
    expect(PERMISSIONS.filter((p) => roleCan("owner", p))).toEqual(["inventory:read", "reviews:decide"]);
  });
});
