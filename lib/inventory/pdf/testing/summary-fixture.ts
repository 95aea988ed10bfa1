/*
 * Test support for the inventory summary (not shipped code): the compliance report's fixture
 * (lib/reports/testing/report-fixture.ts: five credentials, findings evaluated at T0 and T1, one
 * accepted risk, a partial sync run with a coverage gap, a source that never synced) plus:
 *
 *   key-exp     a credential first seen yesterday, created 5 days ago, expiring in 10 days (no finding)
 *   svc-owned   identity (prod) with an explicit owner, risk score 72.5
 *   svc-free    identity (dev) without owner, risk score 31
 *   svc-plain   identity without environment or owner, not scored
 *   svc-gone    identity retired 5 days ago, risk score 99 (present at T0, never in "now" lists)
 */
import type pg from "pg";
import type { Caller } from "@/lib/auth/session-context";
import { daysAfter, daysBefore, InventoryFixture } from "@/lib/policy/testing/rule-fixture";
import { seedReportFixture, type ReportFixture } from "@/lib/reports/testing/report-fixture";

export type SummaryFixture = ReportFixture & { owned: string; free: string; gone: string };

const FACTORS = (weight: number) =>
  JSON.stringify(
    Object.fromEntries(["privilege", "environment", "exposure", "reuse", "age", "ownership"].map((f, i) => [f, { level: "x", weight: i === 0 ? weight : 1, evidence: {} }])),
  );

export async function seedSummaryFixture(client: pg.Client, accepter: Caller, now = new Date()): Promise<SummaryFixture> {
  const base = await seedReportFixture(client, accepter, now);
  const fx = new InventoryFixture(client);
  const source_id = base.awsSourceId;
  await fx.credential({ name: "key-exp", external_id: "summary-key-exp", source_id, environment: "prod", first_seen_at: daysBefore(now, 1), created_at_source: daysBefore(now, 5), expires_at: daysAfter(now, 10) });
  const owned = await fx.identity({ name: "svc-owned", external_id: "summary-svc-owned", source_id, environment: "prod" });
  const free = await fx.identity({ name: "svc-free", external_id: "summary-svc-free", source_id, type: "iam_role", environment: "dev" });
  await fx.identity({ name: "svc-plain", external_id: "summary-svc-plain", source_id });
  const gone = await fx.identity({ name: "svc-gone", external_id: "summary-svc-gone", source_id, environment: "prod", gone_since: daysBefore(now, 5) });
  await client.query(`INSERT INTO owner_assignments (identity_id, owner_email, assigned_by) VALUES ($1, 'alice@example.com', 'fixture')`, [owned]);
  for (const [identity, score, weight] of [[owned, 72.5, 3], [free, 31, 2], [gone, 99, 4]] as const) {
    await client.query(`INSERT INTO identity_risk_scores (identity_id, score, factors, computed_at) VALUES ($1, $2, $3::jsonb, $4)`, [identity, score, FACTORS(weight), now]);
  }
  // InventoryFixture makes a default source on first use even when every row names its own: drop those empty ones.
  await client.query(`DELETE FROM sources WHERE name LIKE 'fixture-%'`);
  return { ...base, owned, free, gone };
}
