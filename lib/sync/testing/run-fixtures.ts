import pg from "pg";
import { randomUUID } from "node:crypto";
import type { AuditActor } from "@/lib/audit/audit-hash";
import { TEST_FINGERPRINT_KEY } from "@/lib/sync/testing/toy-connector";
import type { RunOptions } from "@/lib/sync/types";

/** Helpers shared by the runner's integration tests (never imported by production code). */

export const SYSTEM_ACTOR: AuditActor = { type: "system", label: "system" };

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql, params)).rows);
}

export async function createSource(url: string, name = `src-${randomUUID().slice(0, 8)}`, provider = "toy"): Promise<string> {
  const rows = await query<{ id: string }>(url, `INSERT INTO sources (id, provider, name) VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [
    provider,
    name,
  ]);
  return rows[0]!.id;
}

export function runOptions(url: string, sourceId: string, auditKey: Buffer, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    connectionString: url,
    sourceId,
    mode: "live",
    actor: SYSTEM_ACTOR,
    fingerprintKey: TEST_FINGERPRINT_KEY,
    auditKey,
    sweep: true,
    ...extra,
  };
}

/** (id, xmin) of every row of the inventory tables: unchanged iff nothing was written. */
export async function inventoryVersions(url: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ["identities", "credentials", "resources", "people", "edges", "teams"]) {
    const rows = await query<{ v: string }>(url, `SELECT id::text || ':' || xmin::text AS v FROM ${table} ORDER BY id`);
    out[table] = rows.map((r) => r.v);
  }
  return out;
}

export type AuditRow = { id: string; action: string; summary: { kind?: string; ids?: Record<string, string[]> } & Record<string, unknown> };

export async function auditEventsAfter(url: string, afterId: string | number): Promise<AuditRow[]> {
  return query<AuditRow>(url, `SELECT id::text, action, summary FROM audit_events WHERE id > $1 ORDER BY id`, [afterId]);
}

export async function lastAuditId(url: string): Promise<string> {
  const rows = await query<{ id: string | null }>(url, `SELECT max(id)::text AS id FROM audit_events`);
  return rows[0]?.id ?? "0";
}

/** External ids of `kind` named in events with `action` (edges: "from -> to"). */
export function idsIn(events: AuditRow[], action: string, kind: string): string[] {
  return events
    .filter((e) => e.action === action && e.summary.kind === kind)
    .flatMap((e) => Object.values(e.summary.ids ?? {}).flat());
}
