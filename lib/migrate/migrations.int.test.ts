import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSchemaDrift } from "@/lib/migrate/schema-drift";
import { MigrationError, readMigrations, runMigrations } from "@/lib/migrate/run-migrations";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@/test/support/test-database";

const schemaText = fs.readFileSync(path.resolve(MIGRATIONS_DIR, "../schema.prisma"), "utf8");

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase({ migrate: false });
  });
  afterAll(() => empty.drop());

  it("applies every migration from empty and records it exactly as Prisma does", async () => {
    const result = await runMigrations(empty.url, { dir: MIGRATIONS_DIR });
    const files = readMigrations(MIGRATIONS_DIR);
    expect(result.applied).toEqual(files.map((f) => f.name));

    const columns = await query<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null }>(
      empty.url,
      `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO", character_maximum_length: 36 },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO", character_maximum_length: 64 },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES", character_maximum_length: null },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO", character_maximum_length: 255 },
      { column_name: "logs", data_type: "text", is_nullable: "YES", character_maximum_length: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES", character_maximum_length: null },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO", character_maximum_length: null },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO", character_maximum_length: null },
    ]);

    const rows = await query<{ id: string; checksum: string; migration_name: string; finished_at: Date | null; applied_steps_count: number; logs: string | null }>(
      empty.url,
      `SELECT id, checksum, migration_name, finished_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows).toHaveLength(files.length);
    for (const [i, row] of rows.entries()) {
      const bytes = fs.readFileSync(path.join(MIGRATIONS_DIR, files[i]!.name, "migration.sql"));
      expect(row.migration_name).toBe(files[i]!.name);
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }
  });

  it("is idempotent: a second run applies nothing", async () => {
    const again = await runMigrations(empty.url, { dir: MIGRATIONS_DIR });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBeGreaterThan(0);
  });

  it("leaves the database matching schema.prisma", async () => {
    expect(await findSchemaDrift(schemaText, empty.url)).toEqual([]);
  });

  it("records a failing migration, rolls it back and refuses to continue past it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-migrations-"));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT nope FROM nowhere;");
    await expect(runMigrations(empty.url, { dir })).rejects.toMatchObject({ code: "FAILED" });
    const tables = await query(empty.url, `SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    expect(tables).toHaveLength(0);
    const failed = await query<{ finished_at: Date | null; logs: string }>(
      empty.url,
      `SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.finished_at).toBeNull();
    expect(failed[0]!.logs).toContain("nowhere");
    const second = runMigrations(empty.url, { dir });
    await expect(second).rejects.toBeInstanceOf(MigrationError);
    await expect(second).rejects.toMatchObject({ code: "FAILED_EARLIER" });
  });
});

describe("schema drift check", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("names a column whose type, nullability or presence differs from schema.prisma", async () => {
    const mismatched = schemaText
      .replace("  name         String?\n", "  name         String\n  nickname     String?\n")
      .replace("lastLoginAt  DateTime? @map(\"last_login_at\") @db.Timestamptz(3)", "lastLoginAt  DateTime? @map(\"last_login_at\")");
    expect(mismatched).not.toBe(schemaText);
    const problems = await findSchemaDrift(mismatched, db.url);
    expect(problems).toEqual(
      expect.arrayContaining([
        "users.name: nullable in the database, schema says required",
        "users.nickname: missing in the database",
        "users.last_login_at: type is timestamp(3) with time zone, schema says timestamp(3) without time zone",
      ]),
    );
  });

  it("names enum values and tables that exist only on one side", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`ALTER TYPE "Role" ADD VALUE 'superhero'`);
    await client.query(`CREATE TABLE stray (id int)`);
    await client.end();
    const problems = await findSchemaDrift(schemaText, db.url);
    expect(problems).toContain("enum Role: database has [admin,analyst,owner,auditor,superhero], schema says [admin,analyst,owner,auditor]");
    expect(problems).toContain("table stray: in the database but not in schema.prisma");
  });
});
