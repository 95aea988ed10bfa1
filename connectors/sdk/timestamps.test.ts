import { describe, expect, it } from "vitest";
import { timestampSchema } from "./records";
import { TimestampError, toIsoTimestamp } from "./timestamps";

describe("toIsoTimestamp", () => {
  it.each([
    ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00.000Z"],
    ["2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00.000Z"],
    ["2024-05-01T14:00:00+0200", "2024-05-01T12:00:00.000Z"],
    ["2024-05-01", "2024-05-01T00:00:00.000Z"],
    ["Wed, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00.000Z"],
  ])("normalises %s to UTC", (input, expected) => {
    expect(toIsoTimestamp(input)).toBe(expected);
    expect(timestampSchema.safeParse(toIsoTimestamp(input)).success).toBe(true);
  });

  it("converts Dates and epochs in ms or seconds", () => {
    expect(toIsoTimestamp(new Date(Date.UTC(2024, 4, 1)))).toBe("2024-05-01T00:00:00.000Z");
    expect(toIsoTimestamp(1714564800000)).toBe("2024-05-01T12:00:00.000Z");
    expect(toIsoTimestamp(1714564800, { epoch: "s" })).toBe("2024-05-01T12:00:00.000Z");
  });

  it("maps absent values to undefined", () => {
    expect(toIsoTimestamp(null)).toBeUndefined();
    expect(toIsoTimestamp(undefined)).toBeUndefined();
    expect(toIsoTimestamp("")).toBeUndefined();
  });

  it.each(["2024-05-01T12:00:00", "2024-05-01 12:00", "N/A", "May 1 2024", "not a date 12:00 Z?"])(
    "refuses ambiguous or unparseable %s without echoing it",
    (input) => {
      expect(() => toIsoTimestamp(input)).toThrow(TimestampError);
      try {
        toIsoTimestamp(input);
      } catch (error) {
        expect((error as Error).message).not.toContain(input);
      }
    },
  );

  it("refuses invalid Date objects", () => {
    expect(() => toIsoTimestamp(new Date("nope"))).toThrow(TimestampError);
  });
});
