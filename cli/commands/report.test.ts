import { describe, expect, it } from "vitest";
import { parseReportOptions } from "@/cli/commands/report";

describe("keyward report options", () => {
  it("takes an instant, a date (end of that day, UTC), a framework and a format", () => {
    expect(parseReportOptions(["--as-of", "2026-01-31T00:00:00Z", "--format", "csv"])).toMatchObject({ asOf: new Date("2026-01-31T00:00:00Z"), format: "csv" });
    expect(parseReportOptions(["--as-of", "2026-01-31", "--framework", "dora"])).toMatchObject({ asOf: new Date("2026-01-31T23:59:59.999Z"), framework: "dora", format: "json" });
  });
  it("names the option that is wrong", () => {
    expect(() => parseReportOptions(["--as-of", "last week"])).toThrow(/^--as-of: must be an ISO-8601 instant/);
    expect(() => parseReportOptions(["--framework", "iso27001"])).toThrow(/^--framework: must be one of/);
    expect(() => parseReportOptions(["--format", "xlsx"])).toThrow(/^--format: must be json, csv or pdf/);
    expect(() => parseReportOptions(["--format", "pdf"])).toThrow(/^--out: /);
    expect(() => parseReportOptions(["--colour"])).toThrow(/colour/);
  });
});
