import { describe, expect, it } from "vitest";
import { navItemsFor } from "@/components/shell/nav-items";

describe("navItemsFor", () => {
  it("shows each role only the areas it may use", () => {
    expect(navItemsFor("auditor").map((i) => i.href)).toEqual(["/", "/inventory", "/findings", "/reports", "/audit"]);
    expect(navItemsFor("admin").map((i) => i.href)).toContain("/settings");
    expect(navItemsFor("analyst").map((i) => i.href)).not.toContain("/settings");
  });

  it("names the inventory 'My identities' for owners only", () => {
    expect(navItemsFor("owner").find((i) => i.href === "/inventory")?.label).toBe("My identities");
    expect(navItemsFor("analyst").find((i) => i.href === "/inventory")?.label).toBe("Inventory");
  });
});
