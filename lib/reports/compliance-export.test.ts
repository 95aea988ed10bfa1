import { describe, expect, it } from "vitest";
import { getCatalogue } from "@/lib/policy/catalogue";
import { complianceReportCsv, complianceReportJson, CSV_COLUMNS, reportFileName } from "@/lib/reports/compliance-export";
import { controlStatus, emptyCounts } from "@/lib/reports/control-status";
import { compareControlIds, CONTROL_TITLES } from "@/lib/reports/control-titles";
import { REPORT_FRAMEWORKS, type ComplianceReport, type FindingCounts } from "@/lib/reports/compliance-types";

const counts = (patch: Partial<FindingCounts> & { high?: number; medium?: number }): FindingCounts => {
  const c = { ...emptyCounts(), ...patch };
  c.openBySeverity = { ...c.openBySeverity, high: patch.high ?? 0, medium: patch.medium ?? 0 };
  c.open = c.openBySeverity.high + c.openBySeverity.medium;
  return c;
};

describe("controlStatus", () => {
  it("fails on an open critical or high finding", () => {
    expect(controlStatus(counts({ high: 1 }))).toBe("fail");
    expect(controlStatus({ ...emptyCounts(), open: 1, openBySeverity: { ...emptyCounts().openBySeverity, critical: 1 } })).toBe("fail");
  });
  it("is partial with only lesser open findings, or with exceptions", () => {
    expect(controlStatus(counts({ medium: 2 }))).toBe("partial");
    expect(controlStatus(counts({ accepted: 1 }))).toBe("partial");
    expect(controlStatus(counts({ suppressed: 1 }))).toBe("partial");
  });
  it("passes when nothing is unresolved, however much was resolved", () => {
    expect(controlStatus(counts({ resolved: 9 }))).toBe("pass");
  });
});

describe("control titles", () => {
  it("has a title for every control the catalogue maps to", () => {
    for (const framework of REPORT_FRAMEWORKS) {
      const mapped = new Set(getCatalogue().rules.flatMap((rule) => rule.controls[framework]));
      for (const control of mapped) expect(CONTROL_TITLES[framework][control], `${framework} ${control}`).toBeTruthy();
    }
  });
  it("orders ids naturally", () => {
    expect(["8.2.6", "7.2.5.1", "10.1", "7.2.5"].sort(compareControlIds)).toEqual(["7.2.5", "7.2.5.1", "8.2.6", "10.1"]);
  });
});

const rule = (id: string, open: number) => ({ id, title: `=HYPERLINK("x") ${id}`, severity: "high", owasp: "NHI7", counts: counts({ high: open }) });
const report: ComplianceReport = {
  generatedAt: "2026-06-30T12:00:00.000Z",
  asOf: "2026-06-30T00:00:00.000Z",
  framework: "soc2",
  totals: counts({ high: 3 }),
  trendPoints: ["2026-06-30T00:00:00.000Z"],
  owasp: [{ id: "NHI7", title: "Long-Lived Secrets", status: "fail", rules: [rule("a", 1)], counts: counts({ high: 1 }), trend: [] }],
  frameworks: [
    {
      id: "soc2",
      name: "SOC 2",
      statusCounts: { pass: 0, partial: 0, fail: 1 },
      controls: [{ id: "CC6.1", title: "Logical access, security", status: "fail", rules: [rule("a", 1), rule("b", 2)], counts: counts({ high: 3 }), trend: [] }],
    },
  ],
  exceptions: [],
  coverage: { sources: [], sourcesWithGaps: 0, gaps: 0 },
};

describe("complianceReportCsv", () => {
  const lines = complianceReportCsv(report).split("\r\n");
  it("writes one row per control × rule, OWASP categories first", () => {
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines.filter((l) => l !== "")).toHaveLength(1 + 1 + 2);
    expect(lines[1]).toMatch(/^2026-06-30T00:00:00.000Z,owasp-nhi,NHI7,Long-Lived Secrets,fail,a,/);
    expect(lines[3]).toMatch(/^2026-06-30T00:00:00.000Z,soc2,CC6.1,"Logical access, security",fail,b,.*,high,NHI7,2,0,2,0,0,0$/);
  });
  it("keeps a spreadsheet from evaluating a cell", () => {
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"") a"`);
  });
});

describe("complianceReportJson and file names", () => {
  it("round-trips the DTO", () => {
    expect(JSON.parse(complianceReportJson(report))).toEqual(report);
  });
  it("names downloads after the framework and the day", () => {
    expect(reportFileName(report, "pdf")).toBe("keyward-compliance-soc2-2026-06-30.pdf");
    expect(reportFileName({ ...report, framework: null }, "csv")).toBe("keyward-compliance-2026-06-30.csv");
  });
});
