import "server-only";
import pg from "pg";
import { createFingerprinter, createGuardedHttp, type ConnectorLogger } from "@/connectors/sdk";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { AppError } from "@/lib/errors";
import { resolveDatabaseUrl } from "@/lib/runtime/database";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { connectorOf } from "@/lib/sources/connector-catalogue";
import { parseSourceId } from "@/lib/sources/read-sources";
import { loadSourceForSync } from "@/lib/sources/source-secrets";
import { SourceNotFoundError } from "@/lib/sync/errors";

/** Longest a "Test connection" may take before it is reported as timed out. */
export const CHECK_TIMEOUT_MS = 30_000;

const quietLog: ConnectorLogger = { debug() {}, info() {}, warn() {}, error() {} };

export type ConnectionCheck = { ok: boolean; detail: string };

/**
 * Runs the connector's `check()` (a cheap credential and permission probe) with the source's
 * stored config, secrets decrypted. The connector's own detail is returned (the SDK contract: it
 * never contains secrets); an unexpected throw is reported by its error class only, since a
 * driver's message may quote what it was given.
 */
export async function testSourceConnection(caller: Caller, id: string, options: { connectionString?: string } = {}): Promise<ConnectionCheck> {
  requirePermission(caller, "sources:manage");
  const sourceId = parseSourceId(id);
  const client = new pg.Client({ connectionString: options.connectionString ?? resolveDatabaseUrl() });
  await client.connect();
  const source = await loadSourceForSync(client, sourceId, getInstanceKeys().encryptionKey)
    .catch((error: unknown) => {
      if (error instanceof SourceNotFoundError) throw new AppError("NOT_FOUND", "That source does not exist.");
      throw error;
    })
    .finally(() => client.end());
  const connector = connectorOf(source.provider);
  const parsed = connector.configSchema.safeParse(source.config);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(config)");
    return { ok: false, detail: `The saved configuration is incomplete or invalid: ${fields.join(", ")}. Edit it and save again.` };
  }
  const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
  const http = createGuardedHttp({ signal });
  try {
    const ctx = { config: parsed.data, http, fingerprint: createFingerprinter(getInstanceKeys().fingerprintKey), signal, log: quietLog };
    const result = await connector.check(ctx);
    return { ok: result.ok, detail: result.detail };
  } catch (error) {
    if (signal.aborted) return { ok: false, detail: `No answer within ${CHECK_TIMEOUT_MS / 1000} s.` };
    return { ok: false, detail: `The check failed (${error instanceof Error ? error.name : "error"}).` };
  } finally {
    await http.close();
  }
}
