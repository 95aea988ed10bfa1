import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import type { Role } from "@/lib/auth/permissions";
import { daysAfter } from "@/lib/policy/testing/rule-fixture";
import type { ComplianceReport, ControlReport } from "@/lib/reports/compliance-types";
import { FIXTURE_GAP, FIXTURE_JUSTIFICATION, seedReportFixture, type ReportFixture } from "@/lib/reports/testing/report-fixture";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * The report over a fixture with a known history (lib/reports/testing/report-fixture.ts): counts per
 * rule, control and OWASP category, status, trend, exceptions and coverage, now and as of earlier instants.
 */
let t: TestDatabase;
let client: pg.Client;
let fixture: ReportFixture;
let reports: typeof import("@/lib/reports/build-compliance-report");
const caller = (role: Role): Caller => ({ type: "user", userId: null, email: `${role}@example.com`, name: null, role, sessionId: null });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  reports = await import("@/lib/reports/build-compliance-report");
  fixture = await seedReportFixture(client, caller("analyst"));
});

afterAll(async () => {
  await client?.end();
  await t?.drop();
});

const control = (report: ComplianceReport, framework: string, id: string): ControlReport =>
  report.frameworks.find((f) => f.id === framework)!.controls.find((c) => c.id === id)!;
const figures = (c: { counts: ControlReport["counts"] }) => ({
  open: c.counts.open, high: c.counts.openBySeverity.high, accepted: c.counts.accepted, suppressed: c.counts.suppressed, resolved: c.counts.resolved,
});

describe("buildComplianceReport now", () => {
  let report: ComplianceReport;
  beforeAll(async () => {
    report = await reports.buildComplianceReport(caller("auditor"));
  });

  it("counts every recorded finding by its status, per rule", () => {
    expect(report.totals).toMatchObject({ open: 3, accepted: 1, suppressed: 0, resolved: 1 });
    expect(report.totals.openBySeverity).toEqual({ critical: 0, high: 1, medium: 2, low: 0, info: 0 });
    const cc61 = control(report, "soc2", "CC6.1");
    expect(cc61.rules.find((r) => r.id === "credential-max-age")!.counts).toMatchObject({ open: 2, accepted: 1, resolved: 1 });
    expect(cc61.rules.find((r) => r.id === "weak-key")!.counts).toMatchObject({ open: 1, accepted: 0, resolved: 0 });
  });

  it("sums a control's evidencing rules and derives its status", () => {
    // CC6.1: credential-max-age (2 open medium, 1 accepted, 1 resolved) + weak-key (1 open high).
    expect(figures(control(report, "soc2", "CC6.1"))).toEqual({ open: 3, high: 1, accepted: 1, suppressed: 0, resolved: 1 });
    expect(control(report, "soc2", "CC6.1").status).toBe("fail");
    // PCI 8.3.9 is evidenced by credential-max-age alone: only medium open findings.
    expect(figures(control(report, "pci-dss-4.0", "8.3.9"))).toEqual({ open: 2, high: 0, accepted: 1, suppressed: 0, resolved: 1 });
    expect(control(report, "pci-dss-4.0", "8.3.9").status).toBe("partial");
    // Rules without findings leave their controls passing.
    expect(control(report, "pci-dss-4.0", "8.2.6")).toMatchObject({ status: "pass", counts: { open: 0, accepted: 0, resolved: 0 } });
    expect(control(report, "nist-csf-2.0", "PR.AA-01").rules.map((r) => r.id)).toContain("unused");
  });

  it("lists every framework's controls with status counts that add up", () => {
    expect(report.frameworks.map((f) => f.id)).toEqual(["nist-csf-2.0", "soc2", "pci-dss-4.0", "dora"]);
    for (const framework of report.frameworks) {
      const { pass, partial, fail } = framework.statusCounts;
      expect(pass + partial + fail).toBe(framework.controls.length);
      expect(framework.controls.every((c) => c.title.length > 0 && c.rules.length > 0)).toBe(true);
    }
    expect(report.frameworks.find((f) => f.id === "soc2")!.statusCounts).toEqual({ pass: 6, partial: 0, fail: 2 });
    expect(report.frameworks.find((f) => f.id === "soc2")!.controls.filter((c) => c.status === "fail").map((c) => c.id)).toEqual(["CC6.1", "CC6.7"]);
  });

  it("summarises the OWASP NHI Top 10", () => {
    expect(report.owasp.map((c) => c.id)).toEqual(["NHI1", "NHI2", "NHI3", "NHI4", "NHI5", "NHI6", "NHI7", "NHI8", "NHI9", "NHI10"]);
    expect(report.owasp.find((c) => c.id === "NHI7")).toMatchObject({ status: "partial", counts: { open: 2, accepted: 1, resolved: 1 } });
    expect(report.owasp.find((c) => c.id === "NHI4")).toMatchObject({ status: "fail", counts: { open: 1 } });
    expect(report.owasp.find((c) => c.id === "NHI1")).toMatchObject({ status: "pass", counts: { open: 0 } });
  });

  it("traces unresolved findings weekly, ending with the figures at the instant", () => {
    const trend = control(report, "pci-dss-4.0", "8.3.9").trend;
    expect(trend).toHaveLength(12);
    expect(trend.at(-1)!.at).toBe(report.asOf);
    // Before T0 (now − 40 d) nothing was recorded; from then on three findings stayed unresolved
    // (key-b's resolved at T1 while key-e's opened).
    expect(trend.map((p) => p.unresolved)).toEqual([0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3]);
    const cc61 = control(report, "soc2", "CC6.1");
    expect(cc61.trend.at(-1)!.unresolved).toBe(cc61.counts.open + cc61.counts.accepted + cc61.counts.suppressed);
  });

  it("lists the accepted risk with its justification, who accepted it and when it expires", () => {
    expect(report.exceptions).toHaveLength(1);
    expect(report.exceptions[0]).toMatchObject({
      findingId: fixture.acceptedFindingId, rule: "credential-max-age", subjectName: "key-c", justification: FIXTURE_JUSTIFICATION, acceptedBy: "analyst@example.com",
    });
    expect(new Date(report.exceptions[0]!.expiresAt).getTime()).toBeGreaterThan(daysAfter(fixture.now, 29).getTime());
  });

  it("reports what the syncs could not see", () => {
    const aws = report.coverage.sources.find((s) => s.sourceName === "aws-prod")!;
    expect(aws.run).toMatchObject({ status: "partial", finishedAt: fixture.runFinishedAt.toISOString() });
    expect(aws.gaps).toEqual([FIXTURE_GAP]);
    expect(report.coverage.sources.find((s) => s.sourceName === "people-directory")).toMatchObject({ run: null, gaps: [] });
    // aws-prod (partial, one gap), people-directory and the inventory fixture's own source (never synced).
    expect(report.coverage).toMatchObject({ gaps: 1, sourcesWithGaps: 3 });
  });
});

describe("buildComplianceReport as of an earlier instant", () => {
  it("counts a finding resolved after the instant as open then, and leaves out what was first seen later", async () => {
    const report = await reports.buildComplianceReport(caller("analyst"), { asOf: daysAfter(fixture.t0, 1) });
    expect(report.asOf).toBe(daysAfter(fixture.t0, 1).toISOString());
    // key-b (resolved at T1) open; key-c open (accepted only later); key-e not yet seen.
    expect(figures(control(report, "pci-dss-4.0", "8.3.9"))).toEqual({ open: 3, high: 0, accepted: 0, suppressed: 0, resolved: 0 });
    expect(report.totals).toMatchObject({ open: 4, accepted: 0, resolved: 0 });
    expect(report.exceptions).toEqual([]);
    // The sync run finished after the instant: nothing had been synced then.
    expect(report.coverage.sources.find((s) => s.sourceName === "aws-prod")).toMatchObject({ run: null, gaps: [] });
  });

  it("counts a finding resolved by the instant as resolved", async () => {
    const report = await reports.buildComplianceReport(caller("analyst"), { asOf: daysAfter(fixture.t1, 1) });
    expect(figures(control(report, "pci-dss-4.0", "8.3.9"))).toEqual({ open: 3, high: 0, accepted: 0, suppressed: 0, resolved: 1 });
  });

  it("is empty before the first evaluation: every control passes", async () => {
    const report = await reports.buildComplianceReport(caller("analyst"), { asOf: new Date(fixture.t0.getTime() - 1000) });
    expect(report.totals).toMatchObject({ open: 0, accepted: 0, resolved: 0 });
    expect(report.frameworks.every((f) => f.statusCounts.fail === 0 && f.statusCounts.partial === 0)).toBe(true);
  });

  it("narrows to one framework on request", async () => {
    const report = await reports.buildComplianceReport(caller("analyst"), { framework: "dora" });
    expect(report.framework).toBe("dora");
    expect(report.frameworks.map((f) => f.id)).toEqual(["dora"]);
    expect(report.owasp).toHaveLength(10);
  });
});

describe("buildComplianceReport refuses", () => {
  it("a role without reports:export", async () => {
    await expect(reports.buildComplianceReport(caller("owner"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an instant in the future, naming asOf", async () => {
    await expect(reports.buildComplianceReport(caller("analyst"), { asOf: daysAfter(new Date(), 2) })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "asOf" });
  });

  it("an unknown framework, naming it", async () => {
    await expect(reports.buildComplianceReport(caller("analyst"), { framework: "iso27001" as never })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "framework" });
  });
});
