import { describe, expect, it } from "vitest";
import { environmentClass } from "@/lib/domain/environment-class";

describe("environmentClass", () => {
  it.each(["prod", "Production", "PRD", "live", "prod-eu", "production_us", " prod "])("%s is production", (name) => {
    expect(environmentClass(name)).toBe("prod");
  });
  it.each(["dev", "staging", "test", "preprod", "non-prod", "products", "liverpool", "sandbox"])("%s is not production", (name) => {
    expect(environmentClass(name)).toBe("non-prod");
  });
  it("treats an unknown environment as production (the stricter default)", () => {
    expect(environmentClass(null)).toBe("prod");
    expect(environmentClass(undefined)).toBe("prod");
    expect(environmentClass("  ")).toBe("prod");
  });
});
