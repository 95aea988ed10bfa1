import "server-only";
import pg from "pg";
import { readMigrations } from "@/lib/migrate/run-migrations";
import { ImportError } from "@/lib/sync/import/import-types";

/** Tables an import writes. */
const REQUIRED_TABLES = ["sources", "sync_runs", "identities", "credentials", "resources", "people", "edges", "audit_events"];

const NOT_MIGRATED = "run `keyward migrate` first";

/**
 * Fails with one line when the database was never migrated, only partly, or (given the migrations
 * folder) is behind this version — instead of a "relation does not exist" from deep inside the
 * runner. Migrating stays `keyward migrate`'s job: an import never changes the schema.
 */
export async function assertSchemaReady(connectionString: string, options: { migrationsDir?: string } = {}): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; present: boolean }>(
      "SELECT name, to_regclass('public.' || quote_ident(name)) IS NOT NULL AS present FROM unnest($1::text[]) AS name",
      [REQUIRED_TABLES],
    );
    const missing = rows.filter((row) => !row.present).map((row) => row.name);
    if (missing.length > 0)
      throw new ImportError("NOT_MIGRATED", `the database is not migrated (missing ${missing.join(", ")}); ${NOT_MIGRATED}`);
    if (!options.migrationsDir) return;
    const applied = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(applied.rows.map((row) => row.migration_name));
    const pending = readMigrations(options.migrationsDir).filter((m) => !done.has(m.name));
    if (pending.length > 0)
      throw new ImportError("NOT_MIGRATED", `the database schema is ${pending.length} migration(s) behind; ${NOT_MIGRATED}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
