import { describe, expect, it } from "vitest";
import { navItemsFor } from "@/components/shell/nav-items";

describe("navItemsFor", () => {
  it("shows each role only the areas it may use", () => {
    expect(navItemsFor("auditor").map((i) => i.href)).toEqual(["/", "/inventory", "/findings", "/reports", "/audit"]);
    expect(navItemsFor("admin").map((i) => i.href)).toContain("/settings");
    expect(navItemsFor("analyst").map((i) => i.href)).not.toContain("/settings");
    expect(navItemsFor("owner").map((i) => i.href)).toEqual(["/", "/inventory", "/findings", "/reviews"]);
  });

  it("offers campaigns to those who run them and My reviews to everyone who decides", () => {
    expect(navItemsFor("analyst").map((i) => i.href)).toEqual(expect.arrayContaining(["/campaigns", "/reviews"]));
    expect(navItemsFor("owner").map((i) => i.href)).not.toContain("/campaigns");
    expect(navItemsFor("auditor").map((i) => i.href)).not.toContain("/reviews");
    expect(navItemsFor("owner").find((i) => i.href === "/reviews")?.label).toBe("My reviews");
  });

  it("names the inventory 'My identities' for owners only", () => {
    expect(navItemsFor("owner").find((i) => i.href === "/inventory")?.label).toBe("My identities");
    expect(navItemsFor("analyst").find((i) => i.href === "/inventory")?.label).toBe("Inventory");
  });
});
