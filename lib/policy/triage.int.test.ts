import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import type { Role } from "@/lib/auth/permissions";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * Triage and policy settings are authorised and validated in the data layer: a role without the
 * permission is refused (FORBIDDEN) and nothing is written; bad input names its field.
 */
let t: TestDatabase;
let accept: typeof import("@/lib/policy/accept-risk");
let suppress: typeof import("@/lib/policy/suppress");
let settings: typeof import("@/lib/policy/policy-settings");
let run: typeof import("@/lib/policy/run-evaluation");
let listing: typeof import("@/lib/policy/list-findings");

const caller = (role: Role, email = `${role}@example.com`): Caller => ({ type: "user", userId: null, email, name: null, role, sessionId: null });
const admin = caller("admin");
const analyst = caller("analyst");
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
let openFinding: string;
let resolvedFinding: string;
let ownedFinding: string;
let credentialId: string;

async function state() {
  const [audit, findings, suppressions, thresholds] = await Promise.all([
    t.db.auditEvent.count(),
    t.db.finding.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, acceptedUntil: true } }),
    t.db.findingSuppression.count(),
    t.db.policyThreshold.findMany(),
  ]);
  return { audit, findings, suppressions, thresholds };
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  accept = await import("@/lib/policy/accept-risk");
  suppress = await import("@/lib/policy/suppress");
  settings = await import("@/lib/policy/policy-settings");
  run = await import("@/lib/policy/run-evaluation");
  listing = await import("@/lib/policy/list-findings");
  const source = await t.db.source.create({ data: { provider: "keyward", name: "fixture" } });
  const credential = await t.db.credential.create({
    data: { sourceId: source.id, scope: "s", externalType: "t", externalId: "k", name: "key", type: "access_key", status: "active", contentHash: "x", lastSeenGeneration: 1 },
  });
  credentialId = credential.id;
  const make = (rule: string, status: string) =>
    t.db.finding.create({ data: { rule, severity: "medium", owasp: "NHI7", status, subjectType: "credential", subjectId: credential.id } });
  openFinding = (await make("credential-max-age", "open")).id;
  resolvedFinding = (await make("no-expiry", "resolved")).id;
  const owned = await t.db.identity.create({
    data: { sourceId: source.id, scope: "s", externalType: "u", externalId: "app", name: "app", type: "iam_user", contentHash: "x", lastSeenGeneration: 1,
      ownerHint: { email: "dev@example.com", provenance: "aws.tag:owner" } },
  });
  const ownedKey = await t.db.credential.create({
    data: { sourceId: source.id, scope: "s", externalType: "t", externalId: "k2", name: "app-key", type: "access_key", status: "active", contentHash: "x", lastSeenGeneration: 1, identityId: owned.id },
  });
  ownedFinding = (await t.db.finding.create({ data: { rule: "unused", severity: "medium", owasp: "NHI1", subjectType: "credential", subjectId: ownedKey.id } })).id;
});
afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("authorisation", () => {
  const attempts = {
    accept: (c: Caller) => accept.acceptFindingRisk(c, openFinding, { justification: "Vendor fix due in Q3", until: inDays(30) }),
    suppress: (c: Caller) => suppress.suppressFindings(c, { rule: "credential-max-age", reason: "Legacy estate, tracked in RISK-42" }),
    lift: (c: Caller) => suppress.liftSuppression(c, "00000000-0000-4000-8000-000000000000"),
    threshold: (c: Caller) => settings.setPolicyThreshold(c, { rule: "credential-max-age", key: "maxAgeDays", environment: "prod", value: 60 }),
    evaluate: (c: Caller) => run.runPolicyEvaluation(c),
  };
  const refused: Array<[Role, Array<keyof typeof attempts>]> = [
    ["owner", ["accept", "suppress", "lift", "threshold", "evaluate"]],
    ["auditor", ["accept", "suppress", "lift", "threshold", "evaluate"]],
    ["analyst", ["threshold"]],
  ];
  for (const [role, names] of refused) {
    it(`refuses ${names.join(", ")} to ${role}s and writes nothing`, async () => {
      const before = await state();
      for (const name of names) await expect(attempts[name](caller(role)), name).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await state()).toEqual(before);
    });
  }

  it("shows owners only the findings on what they own", async () => {
    expect(await listing.listFindings(caller("owner", "nobody@example.com"))).toEqual([]);
    expect((await listing.listFindings(caller("owner", "Dev@Example.com"))).map((f) => [f.id, f.subjectName])).toEqual([[ownedFinding, "app-key"]]);
    expect((await listing.listFindings(analyst)).map((f) => f.id).sort()).toEqual([openFinding, resolvedFinding, ownedFinding].sort());
  });
});

describe("accepting a risk", () => {
  it.each([
    [{ justification: "too short", until: inDays(30) }, "justification"],
    [{ justification: "Vendor fix due in Q3", until: inDays(-1) }, "until"],
    [{ justification: "Vendor fix due in Q3", until: inDays(366) }, "until"],
    [{ justification: "Vendor fix due in Q3", until: "next tuesday" }, "until"],
  ])("refuses %o naming %s, writing nothing", async (input, field) => {
    const before = await state();
    await expect(accept.acceptFindingRisk(analyst, openFinding, input as never)).rejects.toMatchObject({ code: "INVALID_INPUT", field });
    expect(await state()).toEqual(before);
  });

  it("names a bad finding id, an unknown finding, and a finding that is not open", async () => {
    const input = { justification: "Vendor fix due in Q3", until: inDays(30) };
    await expect(accept.acceptFindingRisk(analyst, "42", input)).rejects.toMatchObject({ code: "INVALID_INPUT", field: "findingId" });
    await expect(accept.acceptFindingRisk(analyst, "00000000-0000-4000-8000-000000000000", input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(accept.acceptFindingRisk(analyst, resolvedFinding, input)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("accepts an open finding with an ISO end date, audited", async () => {
    const until = inDays(30).toISOString();
    await expect(accept.acceptFindingRisk(analyst, openFinding, { justification: "  Vendor fix due in Q3 ", until })).resolves.toMatchObject({ status: "accepted", acceptedUntil: until });
    const event = await t.db.auditEvent.findFirst({ where: { action: "finding.accepted" } });
    expect(event).toMatchObject({ actorLabel: "analyst@example.com", targetId: openFinding, summary: { before: "open", justification: "Vendor fix due in Q3", until } });
  });
});

describe("suppressing", () => {
  it.each([
    [{ rule: "no-such-rule", reason: "Legacy estate, tracked" }, "rule"],
    [{ rule: "credential-max-age", reason: "short" }, "reason"],
    [{ rule: "credential-max-age", reason: "Legacy estate, tracked", scope: { subjectId: "00000000-0000-4000-8000-000000000000" } }, "scope.subjectType"],
    [{ rule: "credential-max-age", reason: "Legacy estate, tracked", scope: { sourceId: "abc" } }, "scope.sourceId"],
  ])("refuses %o naming %s", async (input, field) => {
    await expect(suppress.suppressFindings(analyst, input as never)).rejects.toMatchObject({ code: "INVALID_INPUT", field });
  });

  it("suppresses one subject's finding and leaves the rest", async () => {
    const result = await suppress.suppressFindings(analyst, {
      rule: "credential-max-age",
      scope: { subjectType: "credential", subjectId: credentialId },
      reason: "Break-glass key, reviewed monthly",
    });
    expect(result.suppressed).toBe(1);
    expect((await t.db.finding.findUnique({ where: { id: openFinding } }))).toMatchObject({ status: "suppressed", suppressionId: result.suppressionId, acceptedUntil: null });
    expect((await t.db.finding.findUnique({ where: { id: resolvedFinding } }))?.status).toBe("resolved");
  });
});

describe("policy thresholds", () => {
  it.each([
    [{ rule: "nope", key: "maxAgeDays", environment: "prod", value: 60 }, "rule"],
    [{ rule: "credential-max-age", key: "maxIdleDays", environment: "prod", value: 60 }, "key"],
    [{ rule: "credential-max-age", key: "maxAgeDays", environment: "prod", value: 0 }, "value"],
    [{ rule: "credential-max-age", key: "maxAgeDays", environment: "prod", value: 30.5 }, "value"],
    [{ rule: "credential-max-age", key: "maxAgeDays", environment: "prod eu!", value: 60 }, "environment"],
    [{ rule: "credential-max-age", key: "maxAgeDays", environment: "criticality:extreme", value: 60 }, "environment"],
  ])("refuses %o naming %s", async (input, field) => {
    await expect(settings.setPolicyThreshold(admin, input)).rejects.toMatchObject({ code: "INVALID_INPUT", field });
  });

  it("sets, keeps and resets an override, auditing each real change and the effective value", async () => {
    const set = { rule: "credential-max-age", key: "maxAgeDays", environment: "Staging", value: 45 };
    expect(await settings.setPolicyThreshold(admin, set)).toEqual({ changed: true });
    expect(await settings.setPolicyThreshold(admin, set)).toEqual({ changed: false });
    const policies = await settings.listPolicies(analyst);
    const rule = policies.rules.find((r) => r.id === "credential-max-age")!;
    expect(rule.effectiveThresholds.maxAgeDays).toEqual({ prod: 90, "non-prod": 180, environments: { staging: 45 }, criticalities: {} });
    const critical = { ...set, environment: "criticality:Critical", value: 30 };
    expect(await settings.setPolicyThreshold(admin, critical)).toEqual({ changed: true });
    const withCriticality = (await settings.listPolicies(analyst)).rules.find((r) => r.id === "credential-max-age")!;
    expect(withCriticality.effectiveThresholds.maxAgeDays).toMatchObject({ criticalities: { critical: 30 } });
    expect(await settings.setPolicyThreshold(admin, { ...critical, value: null })).toEqual({ changed: true });
    expect(await settings.setPolicyThreshold(admin, { ...set, value: null })).toEqual({ changed: true });
    const events = await t.db.auditEvent.findMany({ where: { action: "policy.threshold_changed" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.summary)).toEqual([
      { rule: "credential-max-age", key: "maxAgeDays", environment: "staging", unit: "days", before: null, after: 45 },
      { rule: "credential-max-age", key: "maxAgeDays", environment: "criticality:critical", unit: "days", before: null, after: 30 },
      { rule: "credential-max-age", key: "maxAgeDays", environment: "criticality:critical", unit: "days", before: 30, after: null },
      { rule: "credential-max-age", key: "maxAgeDays", environment: "staging", unit: "days", before: 45, after: null },
    ]);
    expect(await t.db.policyThreshold.count()).toBe(0);
  });
});
