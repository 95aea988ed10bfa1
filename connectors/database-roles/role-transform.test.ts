import { describe, expect, it } from "vitest";
import { HARNESS_SCOPE, createFingerprinter, recordSchema, type KeywardRecord } from "../sdk";
import { mysqlUser, pgRole } from "./__fixtures__/catalog-items";
import { rolesStream } from "./streams/roles";

const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 7)) };
const transform = (item: unknown): KeywardRecord[] => rolesStream.transform(item, ctx).map((r) => recordSchema.parse(r));
const levelOf = (item: unknown) => {
  const edge = transform(item).find((r) => r.kind === "edge" && r.type === "has_permission");
  return edge?.kind === "edge" ? [edge.level, edge.attributes.reasons] : undefined;
};

describe("PostgreSQL role transform", () => {
  it("emits the identity, its permission on the server and its memberships", () => {
    const records = transform(
      pgRole("billing_app", {
        memberOf: [{ role: "billing_rw", admin: true }],
        inheritedRoles: ["billing_rw"],
        validUntil: "2027-01-01T00:00:00.000Z",
      }),
    );
    expect(records).toEqual([
      {
        kind: "identity",
        externalType: "postgres.role",
        externalId: "db.internal:5432/billing_app",
        name: "billing_app",
        type: "database_role",
        status: "active",
        environment: "prod",
        isHuman: null,
        tags: {},
        attributes: {
          engine: "postgres",
          server: "db.internal:5432",
          canLogin: true,
          superuser: false,
          createRole: false,
          createDb: false,
          replication: false,
          bypassRls: false,
          inherit: true,
          connectionLimit: -1,
          validUntil: "2027-01-01T00:00:00.000Z",
          memberOf: ["billing_rw"],
          builtin: false,
        },
      },
      {
        kind: "edge",
        type: "has_permission",
        from: { externalType: "postgres.role", externalId: "db.internal:5432/billing_app" },
        to: { externalType: "postgres.server", externalId: "db.internal:5432" },
        level: "read",
        attributes: { reasons: [] },
      },
      {
        kind: "edge",
        type: "member_of",
        from: { externalType: "postgres.role", externalId: "db.internal:5432/billing_app" },
        to: { externalType: "postgres.role", externalId: "db.internal:5432/billing_rw" },
        attributes: { adminOption: true },
      },
    ]);
  });

  it("summarises privilege to admin, write or read with the reasons", () => {
    expect(levelOf(pgRole("a", { superuser: true, createRole: true }))).toEqual(["admin", ["superuser", "createrole"]]);
    expect(levelOf(pgRole("b", { inheritsSuperuser: true }))).toEqual(["admin", ["member of a superuser role"]]);
    expect(levelOf(pgRole("c", { inheritedRoles: ["ops", "pg_execute_server_program"] }))).toEqual([
      "admin",
      ["pg_execute_server_program"],
    ]);
    expect(levelOf(pgRole("d", { createDb: true, inheritedRoles: ["pg_write_all_data"] }))).toEqual([
      "write",
      ["createdb", "pg_write_all_data"],
    ]);
    expect(levelOf(pgRole("e", { replication: true, inheritedRoles: ["pg_read_all_data"] }))).toEqual([
      "read",
      ["replication", "pg_read_all_data"],
    ]);
  });

  it("marks NOLOGIN roles inactive and built-in roles as built in", () => {
    const [group] = transform(pgRole("readers", { canLogin: false }));
    expect(group).toMatchObject({ status: "inactive", attributes: { builtin: false } });
    const [predefined] = transform(pgRole("pg_monitor", { canLogin: false }));
    expect(predefined).toMatchObject({ attributes: { builtin: true } });
    const [bootstrap] = transform(pgRole("postgres", { superuser: true, bootstrap: true }));
    expect(bootstrap).toMatchObject({ attributes: { builtin: true, bootstrapSuperuser: true } });
  });
});

describe("MySQL/MariaDB account transform", () => {
  it("emits the account as user@host with its plugin, state and global privileges", () => {
    const [identity] = transform(
      mysqlUser("app", "10.0.%", { privileges: ["select", "insert"], flavor: "mysql", plugin: "caching_sha2_password" }),
    );
    expect(identity).toEqual({
      kind: "identity",
      externalType: "mysql.user",
      externalId: "mysql.internal:3306/app@10.0.%",
      name: "app@10.0.%",
      type: "database_role",
      status: "active",
      environment: "prod",
      isHuman: null,
      tags: {},
      attributes: {
        engine: "mysql",
        server: "mysql.internal:3306",
        user: "app",
        host: "10.0.%",
        authPlugin: "caching_sha2_password",
        isRole: false,
        accountLocked: false,
        passwordExpired: false,
        passwordless: false,
        globalPrivileges: ["select", "insert"],
        builtin: false,
      },
    });
  });

  it("summarises global privileges: SUPER, GRANT OPTION, CREATE USER and ALL are admin", () => {
    expect(levelOf(mysqlUser("a", "%", { allPrivileges: true, privileges: ["select", "super"] }))).toEqual([
      "admin",
      ["all privileges", "super"],
    ]);
    expect(levelOf(mysqlUser("b", "%", { privileges: ["select", "grant"] }))).toEqual(["admin", ["grant"]]);
    expect(levelOf(mysqlUser("c", "%", { privileges: ["create_user"] }))).toEqual(["admin", ["create_user"]]);
    expect(levelOf(mysqlUser("d", "%", { privileges: ["select", "update", "process"] }))).toEqual(["write", ["update"]]);
    expect(levelOf(mysqlUser("e", "%", { privileges: ["select", "show_db"] }))).toEqual(["read", ["select", "show_db"]]);
    expect(levelOf(mysqlUser("f", "%"))).toEqual(["read", []]);
  });

  it("marks roles and locked accounts inactive, and an empty password as passwordless", () => {
    expect(transform(mysqlUser("r", "", { isRole: true, plugin: null, authState: "empty" }))[0]).toMatchObject({
      externalId: "mysql.internal:3306/r",
      name: "r",
      status: "inactive",
      attributes: { isRole: true, passwordless: false },
    });
    expect(transform(mysqlUser("l", "%", { accountLocked: true }))[0]).toMatchObject({ status: "inactive" });
    expect(transform(mysqlUser("open", "%", { authState: "empty" }))[0]).toMatchObject({ attributes: { passwordless: true } });
    expect(transform(mysqlUser("sock", "localhost", { authState: "empty", plugin: "unix_socket" }))[0]).toMatchObject({
      attributes: { passwordless: false },
    });
    expect(transform(mysqlUser("u", "%", { accountLocked: null }))[0]).not.toHaveProperty("attributes.accountLocked");
  });

  it("recognises system accounts", () => {
    for (const [user, host] of [
      ["root", "localhost"],
      ["mariadb.sys", "localhost"],
      ["mysql.session", "localhost"],
      ["mysql", "localhost"],
    ] as const) {
      expect(transform(mysqlUser(user, host))[0]).toMatchObject({ attributes: { builtin: true } });
    }
    expect(transform(mysqlUser("root", "%"))[0]).toMatchObject({ attributes: { builtin: false } });
  });
});
