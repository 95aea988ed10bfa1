import type { KeywardRecordInput } from "../../sdk";
import { accountId, mysqlAccountName, PASSWORD_TYPES, ROLE_TYPES } from "../external-types";
import type { MysqlPasswordItem, PasswordItem, PgPasswordItem } from "../schemas";
import { MYSQL_PASSWORD_PLUGINS } from "./builtin";

/*
 * The password of an account, as a `password` credential: only whether one is set, its scheme
 * (PostgreSQL) or plugin (MySQL), when it was last changed and when it expires. Accounts that
 * cannot log in with a password get no credential — there is nothing to rotate.
 */

const DAY_MS = 86_400_000;

function credential(
  item: PasswordItem,
  name: string,
  fields: {
    status: "active" | "inactive" | "expired";
    expiresAt?: string;
    lastRotatedAt?: string;
    algorithm?: string;
    attributes: Record<string, string | number | boolean | null>;
  },
): KeywardRecordInput[] {
  const owner = { externalType: ROLE_TYPES[item.engine], externalId: accountId(item.server, name) };
  const ref = { externalType: PASSWORD_TYPES[item.engine], externalId: accountId(item.server, name) };
  return [
    {
      kind: "credential",
      ...ref,
      name: `password of ${name}`,
      type: "password",
      identityRef: owner,
      ...(item.environment ? { environment: item.environment } : {}),
      ...(fields.lastRotatedAt ? { lastRotatedAt: fields.lastRotatedAt } : {}),
      ...(fields.expiresAt ? { expiresAt: fields.expiresAt } : {}),
      ...(fields.algorithm ? { algorithm: fields.algorithm } : {}),
      status: fields.status,
      attributes: fields.attributes,
    },
    { kind: "edge", type: "has_credential", from: owner, to: ref },
  ];
}

const expiredAt = (expiresAt: string | null | undefined, observedAt: string) =>
  !!expiresAt && Date.parse(expiresAt) < Date.parse(observedAt);

function pgPassword(item: PgPasswordItem): KeywardRecordInput[] {
  if (!item.canLogin || !item.hasPassword) return [];
  return credential(item, item.name, {
    status: expiredAt(item.validUntil, item.observedAt) ? "expired" : "active",
    ...(item.validUntil ? { expiresAt: item.validUntil } : {}),
    ...(item.passwordMethod ? { algorithm: item.passwordMethod } : {}),
    attributes: { engine: "postgres", validUntil: item.validUntil },
  });
}

/** Effective lifetime in days (0 = never): the account's own setting, else the server default. */
function lifetimeOf(item: MysqlPasswordItem): { days: number; source: "account" | "server default" } {
  return item.passwordLifetimeDays !== null
    ? { days: item.passwordLifetimeDays, source: "account" }
    : { days: item.defaultLifetimeDays, source: "server default" };
}

function mysqlPassword(item: MysqlPasswordItem): KeywardRecordInput[] {
  const passwordPlugin = !item.plugin || MYSQL_PASSWORD_PLUGINS.has(item.plugin);
  if (item.isRole || !passwordPlugin || item.authState !== "set") return [];
  const lifetime = lifetimeOf(item);
  const expiresAt =
    lifetime.days > 0 && item.passwordLastChanged
      ? new Date(Date.parse(item.passwordLastChanged) + lifetime.days * DAY_MS).toISOString()
      : undefined;
  const expired = item.passwordExpired || expiredAt(expiresAt, item.observedAt);
  return credential(item, mysqlAccountName(item.user, item.host), {
    status: item.accountLocked ? "inactive" : expired ? "expired" : "active",
    ...(expiresAt ? { expiresAt } : {}),
    ...(item.passwordLastChanged ? { lastRotatedAt: item.passwordLastChanged } : {}),
    ...(item.plugin ? { algorithm: item.plugin } : {}),
    attributes: {
      engine: item.flavor,
      authPlugin: item.plugin,
      lifetimeDays: lifetime.days,
      lifetimeSource: lifetime.source,
      passwordExpired: item.passwordExpired,
      accountLocked: item.accountLocked,
    },
  });
}

export function passwordRecords(item: PasswordItem): KeywardRecordInput[] {
  return item.engine === "postgres" ? pgPassword(item) : mysqlPassword(item);
}
