import type { PermissionLevel } from "../../sdk";
import type { MysqlUserItem, PgRoleItem } from "../schemas";

/*
 * Server-wide privilege summarised to the inventory's three levels, with the reasons kept on the
 * edge so a reviewer sees WHY a role is admin.
 *
 * PostgreSQL: admin = superuser, CREATEROLE (can grant itself almost anything), membership in a
 * superuser or CREATEROLE role, or in the built-in roles that run programs or write files as the
 * server's OS user (pg_execute_server_program, pg_write_server_files) — each is a path to
 * superuser. write = CREATEDB, BYPASSRLS, pg_write_all_data. Everything else reads.
 *
 * MySQL/MariaDB: admin = SUPER, GRANT OPTION, CREATE USER, or ALL global privileges;
 * write = any global privilege that changes data, schema or the server; else read.
 */

export interface LevelDecision {
  readonly level: PermissionLevel;
  readonly reasons: readonly string[];
}

const PG_ADMIN_BUILTINS = ["pg_execute_server_program", "pg_write_server_files"];
const PG_WRITE_BUILTINS = ["pg_write_all_data"];
const PG_READ_BUILTINS = ["pg_read_all_data", "pg_read_server_files", "pg_monitor", "pg_read_all_settings", "pg_read_all_stats"];

export function pgPrivilegeLevel(role: PgRoleItem): LevelDecision {
  const holds = (builtin: string) => role.name === builtin || role.inheritedRoles.includes(builtin);
  const admin = [
    ...(role.superuser ? ["superuser"] : []),
    ...(role.createRole ? ["createrole"] : []),
    ...(role.inheritsSuperuser ? ["member of a superuser role"] : []),
    ...(role.inheritsCreateRole ? ["member of a createrole role"] : []),
    ...PG_ADMIN_BUILTINS.filter(holds),
  ];
  if (admin.length > 0) return { level: "admin", reasons: admin };
  const write = [
    ...(role.createDb ? ["createdb"] : []),
    ...(role.bypassRls ? ["bypassrls"] : []),
    ...PG_WRITE_BUILTINS.filter(holds),
  ];
  if (write.length > 0) return { level: "write", reasons: write };
  return { level: "read", reasons: [...(role.replication ? ["replication"] : []), ...PG_READ_BUILTINS.filter(holds)] };
}

/** MySQL global privileges (column stems) that grant administration of the server or its accounts. */
const MYSQL_ADMIN = ["super", "grant", "create_user"];
/** Global privileges that only read (data, metadata, status or the replication stream). */
const MYSQL_READ_ONLY = new Set(["select", "show_db", "show_view", "process", "repl_client", "repl_slave", "references"]);

export function mysqlPrivilegeLevel(user: MysqlUserItem): LevelDecision {
  const admin = [...(user.allPrivileges ? ["all privileges"] : []), ...MYSQL_ADMIN.filter((p) => user.privileges.includes(p))];
  if (admin.length > 0) return { level: "admin", reasons: admin };
  const write = user.privileges.filter((p) => !MYSQL_READ_ONLY.has(p));
  if (write.length > 0) return { level: "write", reasons: write };
  return { level: "read", reasons: user.privileges };
}
