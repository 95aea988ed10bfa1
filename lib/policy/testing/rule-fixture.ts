/*
 * Test support for the policy rules (not shipped code): a fresh migrated database per test file,
 * direct SQL inserts of inventory rows with sensible defaults, and "which subjects does this rule
 * fire on as of T". Records are first seen long before any as-of a test uses, unless told otherwise.
 */
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { executorOf } from "@/lib/policy/sql-executor";
import { collectViolations, selectRules, type Violation } from "@/lib/policy/violations";

export const LONG_AGO = new Date("2015-01-01T00:00:00Z");
export const DAY = 86_400_000;
export const daysBefore = (instant: Date, days: number) => new Date(instant.getTime() - days * DAY);
export const daysAfter = (instant: Date, days: number) => new Date(instant.getTime() + days * DAY);

type Row = Record<string, unknown>;

/** pg turns JS arrays into PostgreSQL arrays; jsonb columns need JSON text. */
function toParam(value: unknown): unknown {
  if (value === null || value === undefined || value instanceof Date) return value ?? null;
  return typeof value === "object" ? JSON.stringify(value) : value;
}

export class InventoryFixture {
  private counter = 0;
  private defaultSource: string | undefined;
  constructor(readonly client: pg.Client) {}

  async insert(table: string, row: Row): Promise<string> {
    const columns = Object.keys(row);
    const result = await this.client.query<{ id: string }>(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id::text`,
      columns.map((c) => toParam(row[c])),
    );
    return result.rows[0]!.id;
  }

  async source(name: string, provider = "keyward", extra: Row = {}): Promise<string> {
    return this.insert("sources", { id: crypto.randomUUID(), name, provider, ...extra });
  }

  private async node(table: string, externalType: string, row: Row): Promise<string> {
    this.defaultSource ??= await this.source(`fixture-${crypto.randomUUID()}`);
    this.counter += 1;
    return this.insert(table, {
      id: crypto.randomUUID(),
      source_id: this.defaultSource,
      scope: "test",
      external_type: externalType,
      external_id: `${externalType}-${this.counter}`,
      content_hash: "fixture",
      last_seen_generation: 1,
      first_seen_at: LONG_AGO,
      ...row,
    });
  }

  identity(row: Row & { name: string }) {
    return this.node("identities", "test.identity", { type: "service_account", status: "active", ...row });
  }
  credential(row: Row & { name: string }) {
    return this.node("credentials", "test.credential", { type: "access_key", status: "active", ...row });
  }
  resource(row: Row & { name: string }) {
    return this.node("resources", "test.resource", { type: "cloud_account", ...row });
  }
  person(row: Row & { email: string }) {
    return this.node("people", "person", { status: "active", ...row });
  }
  async edge(type: string, fromId: string, toId: string | null, row: Row = {}): Promise<string> {
    this.defaultSource ??= await this.source(`fixture-${crypto.randomUUID()}`);
    this.counter += 1;
    return this.insert("edges", {
      source_id: this.defaultSource,
      scope: "test",
      external_type: `edge:${type}`,
      type,
      from_external_type: "test.node",
      from_external_id: fromId,
      to_external_type: "test.node",
      to_external_id: toId ?? `dangling-${this.counter}`,
      from_id: fromId,
      to_id: toId,
      content_hash: "fixture",
      last_seen_generation: 1,
      first_seen_at: LONG_AGO,
      ...row,
    });
  }

  async violations(ruleId: string, asOf: Date): Promise<Violation[]> {
    return collectViolations(executorOf(this.client), asOf, selectRules([ruleId]));
  }

  /** `identity:<name>` / `credential:<name>` of every subject the rule fires on, sorted. */
  async fired(ruleId: string, asOf: Date): Promise<string[]> {
    const violations = await this.violations(ruleId, asOf);
    const names = await this.client.query<{ id: string; name: string }>(
      "SELECT id::text, name FROM identities UNION ALL SELECT id::text, name FROM credentials",
    );
    const byId = new Map(names.rows.map((r) => [r.id, r.name]));
    return violations.map((v) => `${v.subjectType}:${byId.get(v.subjectId) ?? v.subjectId}`).sort();
  }

  /** The evidence of the violation on the subject named `name`. */
  async evidenceOf(ruleId: string, asOf: Date, name: string): Promise<Record<string, unknown> | undefined> {
    const violations = await this.violations(ruleId, asOf);
    const ids = await this.client.query<{ id: string }>(
      "SELECT id::text FROM identities WHERE name = $1 UNION ALL SELECT id::text FROM credentials WHERE name = $1",
      [name],
    );
    return violations.find((v) => ids.rows.some((r) => r.id === v.subjectId))?.evidence;
  }
}

/** A fresh database and fixture for one test file (registers its own beforeAll/afterAll). */
export function useRuleFixture(): { readonly fx: InventoryFixture; readonly database: TestDatabase } {
  const state = {} as { fx: InventoryFixture; database: TestDatabase; client: pg.Client };
  beforeAll(async () => {
    state.database = await createTestDatabase();
    state.client = new pg.Client({ connectionString: state.database.url });
    await state.client.connect();
    state.fx = new InventoryFixture(state.client);
  });
  afterAll(async () => {
    await state.client?.end();
    await state.database?.drop();
  });
  return {
    get fx() {
      return state.fx;
    },
    get database() {
      return state.database;
    },
  };
}
