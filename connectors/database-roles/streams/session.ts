import type { ConnectorContext } from "../../sdk";
import { serverId, type DatabaseRolesConfig } from "../config";
import { withMysql, type MysqlQuery } from "../connect/mysql";
import { withPostgres, type PgQuery } from "../connect/postgres";
import { mysqlVersion } from "../queries/mysql-sql";

/*
 * What every listing does first: open a read-only session on the configured engine and stamp the
 * fields every item carries (server id, environment, when it was read). One session per page keeps
 * listings independent, so a retried page never depends on a connection that has since died.
 */

export interface ItemBase {
  readonly server: string;
  readonly environment?: string;
  readonly observedAt: string;
}

function baseOf(config: DatabaseRolesConfig): ItemBase {
  return {
    server: serverId(config),
    ...(config.environment ? { environment: config.environment } : {}),
    observedAt: new Date().toISOString(),
  };
}

export interface EngineListers<T> {
  postgres(query: PgQuery, base: ItemBase): Promise<T>;
  mysql(query: MysqlQuery, base: ItemBase & { flavor: "mysql" | "mariadb" }): Promise<T>;
}

export function withSession<T>(ctx: ConnectorContext<DatabaseRolesConfig>, listers: EngineListers<T>): Promise<T> {
  const { config, signal } = ctx;
  if (config.engine === "postgres") return withPostgres(config, signal, (query) => listers.postgres(query, baseOf(config)));
  return withMysql(config, signal, async (query) => {
    const { flavor } = await mysqlVersion(query);
    return listers.mysql(query, { ...baseOf(config), flavor });
  });
}
