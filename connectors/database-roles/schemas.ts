import { z } from "zod";
import { timestampSchema } from "../sdk";

/*
 * Raw items, as the catalog queries return them (column aliases are these field names). Every
 * item carries its server id, engine and environment because transforms see only the item.
 * No item has a field for a password hash: the queries never select one, and a stray hash
 * column in a payload would be dropped here (objects strip unknown keys).
 */

const common = {
  server: z.string().min(1),
  environment: z.string().min(1).optional(),
  observedAt: timestampSchema,
};

export const serverItemSchema = z.object({
  ...common,
  engine: z.enum(["postgres", "mysql"]),
  /** `postgres`, `mysql` or `mariadb`. */
  flavor: z.enum(["postgres", "mysql", "mariadb"]),
  version: z.string(),
});
export type ServerItem = z.output<typeof serverItemSchema>;

export const pgRoleItemSchema = z.object({
  ...common,
  engine: z.literal("postgres"),
  name: z.string().min(1),
  canLogin: z.boolean(),
  superuser: z.boolean(),
  inherit: z.boolean(),
  createRole: z.boolean(),
  createDb: z.boolean(),
  replication: z.boolean(),
  bypassRls: z.boolean(),
  /** -1 = no limit. */
  connectionLimit: z.number().int(),
  /** `rolvaliduntil` as UTC ISO; null = never (NULL or 'infinity'). */
  validUntil: timestampSchema.nullable(),
  /** The bootstrap superuser (oid 10), created by initdb. */
  bootstrap: z.boolean(),
  /** Roles granted directly. */
  memberOf: z.array(z.object({ role: z.string().min(1), admin: z.boolean() })),
  /** Every role reachable through memberships, directly or not. */
  inheritedRoles: z.array(z.string()),
  inheritsSuperuser: z.boolean(),
  inheritsCreateRole: z.boolean(),
});
export type PgRoleItem = z.output<typeof pgRoleItemSchema>;

/** `set` = a usable password; `empty` = none needed; `invalid` = a placeholder no password matches. */
export const authStateSchema = z.enum(["set", "empty", "invalid"]);

export const mysqlUserItemSchema = z.object({
  ...common,
  engine: z.literal("mysql"),
  flavor: z.enum(["mysql", "mariadb"]),
  user: z.string(),
  host: z.string(),
  plugin: z.string().nullable(),
  /** MariaDB roles live in mysql.user with is_role = 'Y'. */
  isRole: z.boolean(),
  /** MySQL: mysql.user column; MariaDB: mysql.global_priv, null when the user may not read it. */
  accountLocked: z.boolean().nullable(),
  passwordExpired: z.boolean(),
  authState: authStateSchema,
  /** Global privileges granted (`*_priv` = 'Y'), lowercased column stems: `select`, `super`, … */
  privileges: z.array(z.string()),
  /** Every global privilege column is 'Y' (GRANT ALL ON *.*). */
  allPrivileges: z.boolean(),
});
export type MysqlUserItem = z.output<typeof mysqlUserItemSchema>;

export const roleItemSchema = z.discriminatedUnion("engine", [pgRoleItemSchema, mysqlUserItemSchema]);
export type RoleItem = z.output<typeof roleItemSchema>;

export const pgPasswordItemSchema = z.object({
  ...common,
  engine: z.literal("postgres"),
  name: z.string().min(1),
  canLogin: z.boolean(),
  hasPassword: z.boolean(),
  /** Hash scheme only (`scram-sha-256`, `md5`, `other`); never the hash. */
  passwordMethod: z.string().nullable(),
  validUntil: timestampSchema.nullable(),
});
export type PgPasswordItem = z.output<typeof pgPasswordItemSchema>;

export const mysqlPasswordItemSchema = z.object({
  ...common,
  engine: z.literal("mysql"),
  flavor: z.enum(["mysql", "mariadb"]),
  user: z.string(),
  host: z.string(),
  plugin: z.string().nullable(),
  isRole: z.boolean(),
  authState: authStateSchema,
  passwordExpired: z.boolean(),
  passwordLastChanged: timestampSchema.nullable(),
  /** Account setting in days: null = server default, 0 = never expires. */
  passwordLifetimeDays: z.number().int().nullable(),
  /** `default_password_lifetime` in days; 0 = never. */
  defaultLifetimeDays: z.number().int().min(0),
  accountLocked: z.boolean(),
});
export type MysqlPasswordItem = z.output<typeof mysqlPasswordItemSchema>;

export const passwordItemSchema = z.discriminatedUnion("engine", [pgPasswordItemSchema, mysqlPasswordItemSchema]);
export type PasswordItem = z.output<typeof passwordItemSchema>;
