import mysql from "mysql2/promise";
import { NetworkPolicy } from "../../sdk";
import { portOf, serverId, type DatabaseRolesConfig } from "../config";
import { mapDatabaseError } from "./errors";
import { tlsOptions } from "./tls-options";

/*
 * A short-lived, read-only MySQL/MariaDB session per listing (see postgres.ts for the network
 * policy). Dates come back as strings and the queries convert timestamps to epoch seconds in
 * SQL, so the server's and the worker's time zones never matter.
 */

export type MysqlQuery = <T>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

const databasePolicy = new NetworkPolicy({ allowPrivateNetworks: true });

export async function withMysql<T>(
  config: DatabaseRolesConfig,
  signal: AbortSignal,
  run: (query: MysqlQuery) => Promise<T>,
): Promise<T> {
  const target = `mysql://${serverId(config)}`;
  await databasePolicy.resolve(config.connection.host, target);
  let connection: mysql.Connection | undefined;
  const abort = () => connection?.destroy();
  signal.addEventListener("abort", abort, { once: true });
  try {
    signal.throwIfAborted();
    const ssl = tlsOptions(config);
    connection = await mysql.createConnection({
      host: config.connection.host,
      port: portOf(config),
      user: config.connection.user,
      ...(config.password ? { password: config.password } : {}),
      ...(config.connection.database ? { database: config.connection.database } : {}),
      ...(ssl ? { ssl } : {}),
      connectTimeout: config.connectTimeoutMs,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      multipleStatements: false,
    });
    const open = connection;
    await open.query("SET SESSION TRANSACTION READ ONLY");
    return await run(async <R>(sql: string, params: readonly unknown[] = []) => {
      const [rows] = await open.query({ sql, values: [...params], timeout: config.queryTimeoutMs });
      return rows as R[];
    });
  } catch (error) {
    throw mapDatabaseError(error, target, config.connectTimeoutMs);
  } finally {
    signal.removeEventListener("abort", abort);
    await connection?.end().catch(() => undefined);
  }
}
