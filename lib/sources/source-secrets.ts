import "server-only";
import type pg from "pg";
import { SourceNotFoundError } from "@/lib/sync/errors";
import { openSecrets } from "@/lib/sources/credential-envelope";

/** A source as a connector needs it: the config with its secret fields decrypted back in. */
export type SourceForSync = { id: string; name: string; provider: string; environment: string | null; config: Record<string, unknown> };

/** The stored secret fields of a source ({} when none are stored). */
export function storedSecrets(sourceId: string, sealed: Uint8Array | null, encryptionKey: Buffer): Record<string, unknown> {
  return sealed && sealed.length > 0 ? openSecrets(sealed, sourceId, encryptionKey) : {};
}

/**
 * Reads a source and decrypts its secrets for the worker (lib/jobs/sync-handler.ts) and for
 * "Test connection". The result holds secret values: hand it to the connector's schema and
 * context only, never to a log, an error message or a client.
 */
export async function loadSourceForSync(client: pg.ClientBase, sourceId: string, encryptionKey: Buffer): Promise<SourceForSync> {
  const { rows } = await client.query<{ id: string; name: string; provider: string; environment: string | null; config: unknown; credentials_encrypted: Buffer | null }>(
    `SELECT id::text, name, provider, environment, config, credentials_encrypted FROM sources WHERE id = $1`,
    [sourceId],
  );
  const row = rows[0];
  if (!row) throw new SourceNotFoundError(sourceId);
  const plain = typeof row.config === "object" && row.config !== null ? (row.config as Record<string, unknown>) : {};
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    environment: row.environment,
    config: { ...plain, ...storedSecrets(row.id, row.credentials_encrypted, encryptionKey) },
  };
}
