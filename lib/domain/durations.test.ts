import { describe, expect, it } from "vitest";
import { addDays, daysBetween, expiresWithin, hasExpired, isOlderThan } from "@/lib/domain/durations";

const asOf = new Date("2025-03-30T12:00:00Z"); // the day European clocks move forward

describe("durations", () => {
  it("counts days as exactly 24 hours, across a DST change", () => {
    expect(addDays(asOf, -1).toISOString()).toBe("2025-03-29T12:00:00.000Z");
    expect(daysBetween(new Date("2025-03-29T12:00:00Z"), asOf)).toBe(1);
  });

  it("is older than 90 days only past the 90th day (89 / 90 / 91)", () => {
    expect(isOlderThan(addDays(asOf, -89), asOf, 90)).toBe(false);
    expect(isOlderThan(addDays(asOf, -90), asOf, 90)).toBe(false);
    expect(isOlderThan(new Date(addDays(asOf, -90).getTime() - 1), asOf, 90)).toBe(true);
    expect(isOlderThan(addDays(asOf, -91), asOf, 90)).toBe(true);
  });

  it("keeps a certificate valid at its notAfter instant and expires it just after", () => {
    expect(hasExpired(asOf, asOf)).toBe(false);
    expect(hasExpired(new Date(asOf.getTime() - 1), asOf)).toBe(true);
  });

  it("includes both ends of an expiry window", () => {
    expect(expiresWithin(asOf, asOf, 30)).toBe(true);
    expect(expiresWithin(addDays(asOf, 30), asOf, 30)).toBe(true);
    expect(expiresWithin(new Date(addDays(asOf, 30).getTime() + 1), asOf, 30)).toBe(false);
    expect(expiresWithin(new Date(asOf.getTime() - 1), asOf, 30)).toBe(false);
  });
});
