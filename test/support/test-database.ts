import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { runMigrations } from "@/lib/migrate/run-migrations";

export type TestDatabase = { url: string; name: string; db: Db; drop: () => Promise<void> };

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, isolated database for one test file; migrated unless asked not to be. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `kw_test_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(inject("adminDatabaseUrl"), name);
  if (options.migrate !== false) await runMigrations(url, { dir: MIGRATIONS_DIR });
  const db = createPrismaClient(url);
  return {
    url,
    name,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fixed 32-byte key for tests that need an instance key. */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 7);
