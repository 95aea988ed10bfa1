/*
 * Test support for the compliance report (not shipped code): a small inventory with a known
 * history, evaluated at two past instants, one accepted risk and one sync run with a coverage gap.
 *
 *   T0 = now − 40 d  evaluation: credential-max-age fires on key-a, key-b, key-c; weak-key on cert-weak
 *   T1 = now − 20 d  key-b was rotated, key-e appeared: evaluation resolves key-b's finding, opens key-e's
 *   now − 10 d       the aws source's sync run finished `partial` with one coverage gap
 *   now              key-c's finding is accepted as a risk until now + 30 d
 * The `people` source never synced. Only the two rules are evaluated, so every figure is known.
 */
import type pg from "pg";
import type { Caller } from "@/lib/auth/session-context";
import { evaluatePolicies } from "@/lib/policy/evaluate";
import { daysAfter, daysBefore, InventoryFixture, LONG_AGO } from "@/lib/policy/testing/rule-fixture";

export const FIXTURE_RULES = ["credential-max-age", "weak-key"] as const;
export const FIXTURE_JUSTIFICATION = "Legacy batch job; replaced by workload identity in Q3.";
export const FIXTURE_GAP = { scope: "123456789012", stream: "access-keys", reason: "permission_denied", detail: "iam:ListAccessKeys denied" };

export type ReportFixture = {
  now: Date;
  t0: Date;
  t1: Date;
  runFinishedAt: Date;
  acceptedFindingId: string;
  resolvedFindingId: string;
  awsSourceId: string;
};

export async function seedReportFixture(client: pg.Client, accepter: Caller, now = new Date()): Promise<ReportFixture> {
  const fx = new InventoryFixture(client);
  const t0 = daysBefore(now, 40);
  const t1 = daysBefore(now, 20);
  const runFinishedAt = daysBefore(now, 10);
  const aws = await fx.source("aws-prod", "aws", { created_at: LONG_AGO });
  await fx.source("people-directory", "people", { created_at: LONG_AGO });
  const old = daysBefore(now, 400);
  const key = (name: string, extra: Record<string, unknown> = {}) =>
    fx.credential({ name, source_id: aws, environment: "prod", created_at_source: old, ...extra });
  await key("key-a");
  const keyB = await key("key-b");
  const keyC = await key("key-c");
  await key("cert-weak", { type: "certificate", algorithm: "RSA", key_size: 1024, created_at_source: daysBefore(now, 100), expires_at: daysAfter(now, 200) });

  const evaluate = (asOf: Date) => evaluatePolicies(client, { asOf, actor: { type: "system", label: "report-fixture" }, ruleIds: FIXTURE_RULES });
  await evaluate(t0);
  await client.query("UPDATE credentials SET last_rotated_at = $2 WHERE id = $1", [keyB, daysBefore(t1, 1)]);
  await key("key-e", { first_seen_at: daysBefore(t1, 1) });
  await evaluate(t1);

  await client.query(
    `INSERT INTO sync_runs (id, source_id, generation, status, mode, started_at, finished_at, coverage_gaps)
     VALUES (gen_random_uuid(), $1, 1, 'partial', 'live', $2, $3, $4::jsonb)`,
    [aws, daysBefore(runFinishedAt, 0.01), runFinishedAt, JSON.stringify([FIXTURE_GAP])],
  );

  const findingOf = async (subjectId: string) =>
    (await client.query<{ id: string }>("SELECT id::text FROM findings WHERE subject_id = $1 AND rule = 'credential-max-age'", [subjectId])).rows[0]!.id;
  const acceptedFindingId = await findingOf(keyC);
  const { acceptFindingRisk } = await import("@/lib/policy/accept-risk");
  await acceptFindingRisk(accepter, acceptedFindingId, { justification: FIXTURE_JUSTIFICATION, until: daysAfter(now, 30) });
  return { now, t0, t1, runFinishedAt, acceptedFindingId, resolvedFindingId: await findingOf(keyB), awsSourceId: aws };
}
