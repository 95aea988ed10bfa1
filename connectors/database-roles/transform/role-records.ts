import type { KeywardRecordInput } from "../../sdk";
import { accountId, mysqlAccountName, ROLE_TYPES, SERVER_TYPES } from "../external-types";
import type { MysqlUserItem, PgRoleItem, RoleItem } from "../schemas";
import { isBuiltinMysqlAccount, isBuiltinPgRole, MYSQL_PASSWORD_PLUGINS } from "./builtin";
import { mysqlPrivilegeLevel, pgPrivilegeLevel, type LevelDecision } from "./privilege-level";

/*
 * A role or account → its identity, a `has_permission` edge to the server with the summarised
 * level, and (PostgreSQL) `member_of` edges to the roles granted to it. Whether a person uses the
 * account cannot be told from the catalog, so `isHuman` is null ("the source cannot tell").
 */

const env = (environment: string | undefined) => (environment ? { environment } : {});

function permissionEdge(
  item: RoleItem,
  from: { externalType: string; externalId: string },
  decision: LevelDecision,
): KeywardRecordInput {
  return {
    kind: "edge",
    type: "has_permission",
    from,
    to: { externalType: SERVER_TYPES[item.engine], externalId: item.server },
    level: decision.level,
    attributes: { reasons: [...decision.reasons] },
  };
}

function pgRoleRecords(role: PgRoleItem): KeywardRecordInput[] {
  const ref = { externalType: ROLE_TYPES.postgres, externalId: accountId(role.server, role.name) };
  const identity: KeywardRecordInput = {
    kind: "identity",
    ...ref,
    name: role.name,
    type: "database_role",
    // A NOLOGIN role cannot authenticate: it is a group of privileges, not an active principal.
    status: role.canLogin ? "active" : "inactive",
    ...env(role.environment),
    isHuman: null,
    attributes: {
      engine: "postgres",
      server: role.server,
      canLogin: role.canLogin,
      superuser: role.superuser,
      createRole: role.createRole,
      createDb: role.createDb,
      replication: role.replication,
      bypassRls: role.bypassRls,
      inherit: role.inherit,
      connectionLimit: role.connectionLimit,
      validUntil: role.validUntil,
      memberOf: role.memberOf.map((m) => m.role),
      builtin: isBuiltinPgRole(role.name, role.bootstrap),
      ...(role.bootstrap ? { bootstrapSuperuser: true } : {}),
    },
  };
  const memberships: KeywardRecordInput[] = role.memberOf.map((m) => ({
    kind: "edge",
    type: "member_of",
    from: ref,
    to: { externalType: ROLE_TYPES.postgres, externalId: accountId(role.server, m.role) },
    attributes: { adminOption: m.admin },
  }));
  return [identity, permissionEdge(role, ref, pgPrivilegeLevel(role)), ...memberships];
}

function mysqlUserRecords(user: MysqlUserItem): KeywardRecordInput[] {
  const name = mysqlAccountName(user.user, user.host);
  const ref = { externalType: ROLE_TYPES.mysql, externalId: accountId(user.server, name) };
  const passwordPlugin = !user.plugin || MYSQL_PASSWORD_PLUGINS.has(user.plugin);
  const identity: KeywardRecordInput = {
    kind: "identity",
    ...ref,
    name,
    type: "database_role",
    status: user.isRole || user.accountLocked ? "inactive" : "active",
    ...env(user.environment),
    isHuman: null,
    attributes: {
      engine: user.flavor,
      server: user.server,
      user: user.user,
      host: user.host,
      authPlugin: user.plugin,
      isRole: user.isRole,
      ...(user.accountLocked !== null ? { accountLocked: user.accountLocked } : {}),
      passwordExpired: user.passwordExpired,
      // A password plugin with an empty hash accepts an empty password: anyone can log in.
      passwordless: !user.isRole && passwordPlugin && user.authState === "empty",
      globalPrivileges: [...user.privileges],
      builtin: isBuiltinMysqlAccount(user.user, user.host),
    },
  };
  return [identity, permissionEdge(user, ref, mysqlPrivilegeLevel(user))];
}

export function roleRecords(item: RoleItem): KeywardRecordInput[] {
  return item.engine === "postgres" ? pgRoleRecords(item) : mysqlUserRecords(item);
}
