import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { InventoryFixture, daysAfter, daysBefore } from "@/lib/policy/testing/rule-fixture";

/*
 * The findings lifecycle end to end: open → accepted → reopened at expiry (clock shift via asOf)
 * → resolved when the condition clears → reopened when it returns; suppression; evidence
 * updates; re-evaluation of an unchanged inventory writes nothing; the audit chain verifies.
 */
let t: TestDatabase;
let fx: InventoryFixture;
let evalClient: pg.Client;
let reader: pg.Client;
let policy: typeof import("@/lib/policy/evaluate");
let triage: typeof import("@/lib/policy/accept-risk");
let suppress: typeof import("@/lib/policy/suppress");
let verify: typeof import("@/lib/audit/verify-audit-chain");

const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);
const analyst: Caller = { type: "user", userId: null, email: "ana@example.com", name: null, role: "analyst", sessionId: null };
const actor = { type: "system" as const, label: "policy-test" };
let oldKey: string;

async function finding(rule: string, subjectId: string) {
  const { rows } = await reader.query("SELECT id::text, status, first_seen_at, resolved_at, accepted_until, evidence FROM findings WHERE rule = $1 AND subject_id = $2", [rule, subjectId]);
  return rows[0] as { id: string; status: string; first_seen_at: Date; resolved_at: Date | null; accepted_until: Date | null; evidence: Record<string, unknown> } | undefined;
}

/** Inserted/updated/deleted tuples of findings and audit_events, as the statistics system counts them. */
async function writeCounters(): Promise<Record<string, number>> {
  await evalClient.query("SELECT pg_stat_force_next_flush()");
  await evalClient.query("SELECT 1"); // the flush happens when the backend goes idle
  await reader.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await reader.query<{ relname: string; writes: string }>(
    "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS writes FROM pg_stat_user_tables WHERE relname IN ('findings', 'audit_events')",
  );
  return Object.fromEntries(rows.map((r) => [r.relname, Number(r.writes)]));
}

/** Every finding's row version (xmin changes on any update) and the audit log's length. */
async function rowVersions() {
  const findings = await reader.query("SELECT id, xmin::text FROM findings ORDER BY id");
  const audit = await reader.query("SELECT count(*)::int AS n FROM audit_events");
  return { findings: findings.rows, audit: audit.rows[0].n as number };
}

async function auditActions(action: string) {
  const { rows } = await reader.query("SELECT summary FROM audit_events WHERE action = $1 ORDER BY id", [action]);
  return rows.map((r) => r.summary as Record<string, unknown>);
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  policy = await import("@/lib/policy/evaluate");
  triage = await import("@/lib/policy/accept-risk");
  suppress = await import("@/lib/policy/suppress");
  verify = await import("@/lib/audit/verify-audit-chain");
  evalClient = new pg.Client({ connectionString: t.url });
  reader = new pg.Client({ connectionString: t.url });
  await Promise.all([evalClient.connect(), reader.connect()]);
  fx = new InventoryFixture(reader);
  const owner = { email: "owner@example.com", provenance: "aws.tag:owner" };
  const identity = await fx.identity({ name: "app", environment: "prod", owner_hint: owner, last_activity_at: daysBefore(T0, 1) });
  oldKey = await fx.credential({ name: "old-key", identity_id: identity, environment: "prod", created_at_source: daysBefore(T0, 200), last_used_at: daysBefore(T0, 1) });
  await fx.credential({ name: "fresh-key", type: "api_key", identity_id: identity, environment: "prod", created_at_source: daysBefore(T0, 1), expires_at: daysAfter(T0, 30), last_used_at: T0 });
});

afterAll(async () => {
  await evalClient?.end();
  await reader?.end();
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t?.drop();
});

describe("findings lifecycle", () => {
  it("opens findings for new violations, stamped with the as-of instant and audited in batches", async () => {
    const before = await writeCounters();
    const summary = await policy.evaluatePolicies(evalClient, { asOf: T0, actor });
    expect(summary.violationsByRule["credential-max-age"]).toBe(1);
    expect(summary.opened).toBe(summary.violations);
    const opened = await finding("credential-max-age", oldKey);
    expect(opened).toMatchObject({ status: "open", first_seen_at: T0 });
    const events = await auditActions("finding.opened");
    expect(events.find((e) => e.rule === "credential-max-age")).toMatchObject({ subjectIds: [oldKey], count: 1, status: "open" });
    const after = await writeCounters();
    expect(after.findings! - before.findings!).toBe(summary.opened);
    expect(after.audit_events! - before.audit_events!).toBe(summary.auditEvents);
  });

  it("re-evaluating an unchanged inventory writes nothing, now or an hour later", async () => {
    const counters = await writeCounters();
    const versions = await rowVersions();
    for (const asOf of [T0, new Date(T0.getTime() + 3_600_000)]) {
      const summary = await policy.evaluatePolicies(evalClient, { asOf, actor });
      expect(summary).toMatchObject({ opened: 0, updated: 0, reopened: 0, resolved: 0, auditEvents: 0 });
    }
    expect(await rowVersions()).toEqual(versions);
    expect(await writeCounters()).toEqual(counters);
  });

  it("keeps an accepted finding accepted until its acceptance expires, then reopens it", async () => {
    const open = (await finding("credential-max-age", oldKey))!;
    await triage.acceptFindingRisk(analyst, open.id, { justification: "Rotation scheduled with the vendor", until: daysAfter(T0, 10) });
    expect(await finding("credential-max-age", oldKey)).toMatchObject({ status: "accepted", accepted_until: daysAfter(T0, 10) });
    await policy.evaluatePolicies(t.db, { asOf: daysAfter(T0, 5), actor });
    expect((await finding("credential-max-age", oldKey))?.status).toBe("accepted");
    const shifted = await policy.evaluatePolicies(t.db, { asOf: daysAfter(T0, 11), actor });
    expect(shifted.reopened).toBeGreaterThanOrEqual(1);
    expect(await finding("credential-max-age", oldKey)).toMatchObject({ status: "open", accepted_until: null });
    expect((await auditActions("finding.reopened")).find((e) => e.rule === "credential-max-age")).toMatchObject({
      reason: "acceptance expired",
      subjectIds: [oldKey],
    });
  });

  it("resolves a finding when its condition clears and reopens it when it returns", async () => {
    await reader.query("UPDATE credentials SET last_rotated_at = $1 WHERE id = $2", [daysAfter(T0, 11), oldKey]);
    await policy.evaluatePolicies(t.db, { asOf: daysAfter(T0, 12), actor });
    expect(await finding("credential-max-age", oldKey)).toMatchObject({ status: "resolved", resolved_at: daysAfter(T0, 12) });
    expect((await auditActions("finding.resolved")).some((e) => e.rule === "credential-max-age" && (e.subjectIds as string[]).includes(oldKey))).toBe(true);

    await policy.evaluatePolicies(t.db, { asOf: daysAfter(T0, 11 + 91), actor });
    expect(await finding("credential-max-age", oldKey)).toMatchObject({ status: "open", resolved_at: null });
    expect((await auditActions("finding.reopened")).some((e) => e.rule === "credential-max-age" && e.reason === "condition returned")).toBe(true);
  });

  it("updates a finding's evidence when what it explains changes", async () => {
    await reader.query("UPDATE credentials SET environment = 'production' WHERE id = $1", [oldKey]);
    const summary = await policy.evaluatePolicies(t.db, { asOf: daysAfter(T0, 11 + 91), actor });
    expect(summary.updated).toBeGreaterThanOrEqual(1);
    expect((await finding("credential-max-age", oldKey))?.evidence).toMatchObject({ environment: "production" });
    expect((await auditActions("finding.updated")).some((e) => (e.subjectIds as string[]).includes(oldKey))).toBe(true);
  });

  it("keeps suppressed findings suppressed, suppresses new ones in scope, and reopens them when lifted", async () => {
    const asOf = daysAfter(T0, 11 + 91);
    const { suppressionId, suppressed } = await suppress.suppressFindings(analyst, {
      rule: "credential-max-age",
      scope: { environment: "Production" },
      reason: "Legacy estate, tracked in RISK-42",
    });
    expect(suppressed).toBe(1);
    expect((await finding("credential-max-age", oldKey))?.status).toBe("suppressed");
    const laterKey = await fx.credential({ name: "later-key", environment: "production", created_at_source: daysBefore(asOf, 100), first_seen_at: daysBefore(asOf, 1) });
    await policy.evaluatePolicies(t.db, { asOf, actor });
    expect((await finding("credential-max-age", oldKey))?.status).toBe("suppressed");
    expect((await finding("credential-max-age", laterKey))?.status).toBe("suppressed");

    const { reopened } = await suppress.liftSuppression(analyst, suppressionId);
    expect(reopened).toBe(2);
    expect((await finding("credential-max-age", laterKey))?.status).toBe("open");
  });

  it("resolves the findings of a subject that is gone", async () => {
    const asOf = daysAfter(T0, 11 + 92);
    await reader.query("UPDATE credentials SET gone_since = $1 WHERE id = $2", [daysAfter(T0, 11 + 91.5), oldKey]);
    await policy.evaluatePolicies(t.db, { asOf, actor });
    const { rows } = await reader.query("SELECT DISTINCT status FROM findings WHERE subject_id = $1", [oldKey]);
    expect(rows).toEqual([{ status: "resolved" }]);
  });

  it("records every transition in an audit chain that verifies", async () => {
    for (const action of ["finding.opened", "finding.updated", "finding.accepted", "finding.reopened", "finding.resolved", "finding.suppressed", "suppression.created", "suppression.lifted"]) {
      expect((await auditActions(action)).length, action).toBeGreaterThan(0);
    }
    expect(await verify.verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
