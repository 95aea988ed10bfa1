import pg from "pg";
import { NetworkPolicy } from "../../sdk";
import { portOf, serverId, type DatabaseRolesConfig } from "../config";
import { mapDatabaseError } from "./errors";
import { tlsOptions } from "./tls-options";

/*
 * A short-lived, read-only PostgreSQL session per listing. The host is checked against the
 * network policy first: a database is normally on a private network (allowed), but never on a
 * metadata or link-local address (refused, as for every connector).
 */

/** Runs a catalog query. */
export type PgQuery = <T>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

/** Private ranges allowed, metadata and link-local refused. */
const databasePolicy = new NetworkPolicy({ allowPrivateNetworks: true });

export async function withPostgres<T>(
  config: DatabaseRolesConfig,
  signal: AbortSignal,
  run: (query: PgQuery) => Promise<T>,
): Promise<T> {
  const target = `postgres://${serverId(config)}`;
  await databasePolicy.resolve(config.connection.host, target);
  const client = new pg.Client({
    host: config.connection.host,
    port: portOf(config),
    user: config.connection.user,
    password: config.password,
    database: config.connection.database ?? "postgres",
    ssl: tlsOptions(config),
    connectionTimeoutMillis: config.connectTimeoutMs,
    statement_timeout: config.queryTimeoutMs,
    application_name: "keyward",
    // Belt and braces: the connector only reads, and the session refuses to do anything else.
    options: "-c default_transaction_read_only=on",
  });
  const abort = () => void client.end().catch(() => undefined);
  signal.addEventListener("abort", abort, { once: true });
  // A connection that dies between queries emits "error" on the client; the pending query rejects with it.
  client.on("error", () => undefined);
  try {
    signal.throwIfAborted();
    await client.connect();
    return await run(
      async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as R[],
    );
  } catch (error) {
    throw mapDatabaseError(error, target, config.connectTimeoutMs);
  } finally {
    signal.removeEventListener("abort", abort);
    await client.end().catch(() => undefined);
  }
}
