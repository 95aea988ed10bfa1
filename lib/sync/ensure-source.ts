import "server-only";
import pg from "pg";
import { PROVIDER_PATTERN } from "@/connectors/sdk";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { AuditActor } from "@/lib/audit/audit-hash";
import { SourceMismatchError, SyncError } from "@/lib/sync/errors";

export type EnsureSourceInput = {
  provider: string;
  name: string;
  /** Environment default of a source created here; an existing source keeps its own. */
  environment?: string | null;
  actor: AuditActor;
  auditKey: Buffer;
};

export type EnsuredSource = { id: string; provider: string; name: string; environment: string | null; created: boolean };

type Row = { id: string; provider: string; name: string; environment: string | null };

/**
 * Finds the source of this name, or creates it (audited `source.created`). Used by
 * `keyward import`, where the source is named on the command line or after the provider.
 * Refuses (SOURCE_MISMATCH) a name that belongs to another provider's source: its records and
 * sweeps would mix. Two importers creating the same source at once both end up with the one row.
 */
export async function ensureSource(connectionString: string, input: EnsureSourceInput): Promise<EnsuredSource> {
  const name = input.name.trim();
  if (name === "") throw new SyncError("SOURCE_INVALID", "source name must not be empty");
  if (!PROVIDER_PATTERN.test(input.provider)) throw new SyncError("SOURCE_INVALID", `"${input.provider}" is not a provider id`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    const inserted = await client.query<Row>(
      `INSERT INTO sources (id, provider, name, environment) VALUES (gen_random_uuid(), $1, $2, $3)
       ON CONFLICT (name) DO NOTHING RETURNING id, provider, name, environment`,
      [input.provider, name, input.environment ?? null],
    );
    const created = inserted.rows[0];
    if (created) {
      await appendAuditEvents(
        client,
        [{ actor: input.actor, action: "source.created", target: { type: "source", id: created.id }, summary: { name, provider: input.provider, environment: created.environment } }],
        input.auditKey,
      );
      await client.query("COMMIT");
      return { ...created, created: true };
    }
    await client.query("COMMIT");
    const existing = await client.query<Row>(`SELECT id, provider, name, environment FROM sources WHERE name = $1`, [name]);
    const row = existing.rows[0]!;
    if (row.provider !== input.provider) throw new SourceMismatchError(name, row.provider, input.provider);
    return { ...row, created: false };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
