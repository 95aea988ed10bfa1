import type { CheckResult, ConnectorContext } from "../sdk";
import { serverId, type DatabaseRolesConfig } from "./config";
import { DatabasePermissionDeniedError, mapDatabaseError } from "./connect/errors";
import { withSession } from "./streams/session";

/*
 * "Test connection": log in, then probe each catalog a stream reads with a one-row query, so
 * the setup page says which parts of the inventory this user will see before any sync runs.
 */

type Probe = () => Promise<unknown>;

async function readable(probe: Probe): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    if (mapDatabaseError(error, "", 0) instanceof DatabasePermissionDeniedError) return false;
    throw error;
  }
}

export async function checkDatabaseRoles(ctx: ConnectorContext<DatabaseRolesConfig>): Promise<CheckResult> {
  const server = serverId(ctx.config);
  try {
    const seen = await withSession<Record<string, boolean>>(ctx, {
      postgres: async (query) => ({
        "pg_roles (roles)": await readable(() => query("SELECT 1 FROM pg_catalog.pg_roles LIMIT 1")),
        "pg_authid (passwords)": await readable(() => query("SELECT 1 FROM pg_catalog.pg_authid LIMIT 1")),
      }),
      mysql: async (query, base) => ({
        "mysql.user (accounts)": await readable(() => query("SELECT 1 FROM mysql.user LIMIT 1")),
        ...(base.flavor === "mariadb"
          ? { "mysql.global_priv (passwords)": await readable(() => query("SELECT 1 FROM mysql.global_priv LIMIT 1")) }
          : {}),
      }),
    });
    const denied = Object.entries(seen)
      .filter(([, ok]) => !ok)
      .map(([table]) => table);
    const rolesDenied = denied.some((table) => table.includes("(roles)") || table.includes("(accounts)"));
    const detail =
      denied.length === 0
        ? `connected to ${server}; every catalog is readable`
        : `connected to ${server}; cannot read ${denied.join(", ")}`;
    return { ok: !rolesDenied, detail };
  } catch (error) {
    return { ok: false, detail: `${server}: ${error instanceof Error ? error.message : "connection failed"}` };
  }
}
