import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { KeywardRecord } from "../sdk";
import { canaryForms } from "../sdk/harness-item";
import { driveConnector, type DriveResult } from "../sdk/testing/drive-connector";
import { databaseRolesConnector } from "./index";

/*
 * Against the real PostgreSQL the integration project runs on: the test creates roles with
 * unique names (roles are cluster-wide; other suites run in parallel), syncs as a superuser and
 * as an unprivileged role, asserts the inventory of ITS roles exactly, and drops them.
 */

const admin = new URL(inject("adminDatabaseUrl"));
const prefix = `kw_${randomBytes(4).toString("hex")}`;
const role = (suffix: string) => `${prefix}_${suffix}`;
/** Planted as a role's password and as the connection password: must never reach a record. */
const CANARY = `pw-canary-${randomBytes(12).toString("hex")}`;
const READER_PASSWORD = `pw-reader-${randomBytes(12).toString("hex")}`;

async function asAdmin(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

const connection = (user: string) => ({ host: admin.hostname, port: Number(admin.port || 5432), user, database: "postgres" });
const server = `${admin.hostname}:${Number(admin.port || 5432)}`;
const id = (name: string) => `${server}/${name}`;

beforeAll(async () => {
  await asAdmin([
    `CREATE ROLE ${role("app")} LOGIN PASSWORD '${CANARY}' VALID UNTIL '2031-01-01 00:00:00+00'`,
    `CREATE ROLE ${role("noexp")} LOGIN PASSWORD 'x-noexp'`,
    `CREATE ROLE ${role("expired")} LOGIN PASSWORD 'x-expired' VALID UNTIL '2020-01-01 00:00:00+00'`,
    `CREATE ROLE ${role("super")} SUPERUSER LOGIN PASSWORD '${CANARY}'`,
    `CREATE ROLE ${role("creator")} CREATEROLE LOGIN`,
    `CREATE ROLE ${role("group")} NOLOGIN PASSWORD 'x-group'`,
    `CREATE ROLE ${role("member")} LOGIN PASSWORD 'x-member' IN ROLE ${role("group")}`,
    `CREATE ROLE ${role("writer")} LOGIN PASSWORD 'x-writer' IN ROLE pg_write_all_data`,
    `CREATE ROLE ${role("escalate")} LOGIN IN ROLE ${role("super")}`,
    `CREATE ROLE ${role("reader")} LOGIN PASSWORD '${READER_PASSWORD}'`,
    `SET password_encryption = 'md5'`,
    `CREATE ROLE ${role("legacy")} LOGIN PASSWORD 'x-legacy'`,
  ]);
});

afterAll(async () => {
  const names = ["escalate", "member", "group", "app", "noexp", "expired", "super", "creator", "writer", "reader", "legacy"].map(
    role,
  );
  await asAdmin(names.map((name) => `DROP ROLE IF EXISTS ${name}`));
});

const mine = (records: readonly KeywardRecord[]) =>
  records.filter((r) => {
    const key = r.kind === "edge" ? r.from.externalId : r.kind === "person" ? "" : r.externalId;
    return key.startsWith(`${server}/${prefix}_`);
  });

const identity = (result: DriveResult, name: string) =>
  result.records.find((r) => r.kind === "identity" && r.externalId === id(role(name)));
const permission = (result: DriveResult, name: string) =>
  result.records.find((r) => r.kind === "edge" && r.type === "has_permission" && r.from.externalId === id(role(name)));

describe("database-roles on PostgreSQL, as a superuser", () => {
  let result: DriveResult;
  beforeAll(async () => {
    result = await driveConnector(databaseRolesConnector, {
      engine: "postgres",
      connection: connection(role("super")),
      password: CANARY,
      tls: { mode: "disable" },
      environment: "prod",
    });
  });

  it("sees every catalog", () => {
    expect(result.gaps).toEqual([]);
    expect(result.records.find((r) => r.kind === "resource")).toMatchObject({
      externalType: "postgres.server",
      externalId: server,
      type: "database",
      environment: "prod",
      attributes: { engine: "postgres", version: expect.stringMatching(/^\d+/) },
    });
  });

  it("inventories exactly the test's roles, with password credentials only for login roles that have one", () => {
    const records = mine(result.records);
    const identities = records.filter((r) => r.kind === "identity").map((r) => (r.kind === "identity" ? [r.name, r.status] : []));
    expect(identities.sort()).toEqual(
      [
        [role("app"), "active"],
        [role("creator"), "active"],
        [role("escalate"), "active"],
        [role("expired"), "active"],
        [role("group"), "inactive"],
        [role("legacy"), "active"],
        [role("member"), "active"],
        [role("noexp"), "active"],
        [role("reader"), "active"],
        [role("super"), "active"],
        [role("writer"), "active"],
      ].sort(),
    );
    const passwords = records
      .filter((r) => r.kind === "credential")
      .map((r) => (r.kind === "credential" ? [r.name, r.status, r.expiresAt ?? null, r.algorithm] : []));
    expect(passwords.sort()).toEqual(
      [
        [`password of ${role("app")}`, "active", "2031-01-01T00:00:00.000Z", "scram-sha-256"],
        [`password of ${role("expired")}`, "expired", "2020-01-01T00:00:00.000Z", "scram-sha-256"],
        [`password of ${role("legacy")}`, "active", null, "md5"],
        [`password of ${role("member")}`, "active", null, "scram-sha-256"],
        [`password of ${role("noexp")}`, "active", null, "scram-sha-256"],
        [`password of ${role("reader")}`, "active", null, "scram-sha-256"],
        [`password of ${role("super")}`, "active", null, "scram-sha-256"],
        [`password of ${role("writer")}`, "active", null, "scram-sha-256"],
      ].sort(),
    );
  });

  it("records the full identity and its password for a role with expiry", () => {
    expect(identity(result, "app")).toEqual({
      kind: "identity",
      externalType: "postgres.role",
      externalId: id(role("app")),
      name: role("app"),
      type: "database_role",
      status: "active",
      environment: "prod",
      isHuman: null,
      tags: {},
      attributes: {
        engine: "postgres",
        server,
        canLogin: true,
        superuser: false,
        createRole: false,
        createDb: false,
        replication: false,
        bypassRls: false,
        inherit: true,
        connectionLimit: -1,
        validUntil: "2031-01-01T00:00:00.000Z",
        memberOf: [],
        builtin: false,
      },
    });
    expect(result.records.filter((r) => r.kind === "credential" && r.externalId === id(role("app")))).toEqual([
      {
        kind: "credential",
        externalType: "postgres.password",
        externalId: id(role("app")),
        name: `password of ${role("app")}`,
        type: "password",
        identityRef: { externalType: "postgres.role", externalId: id(role("app")) },
        environment: "prod",
        expiresAt: "2031-01-01T00:00:00.000Z",
        algorithm: "scram-sha-256",
        status: "active",
        locations: [],
        attributes: { engine: "postgres", validUntil: "2031-01-01T00:00:00.000Z" },
        tags: {},
      },
    ]);
    expect(result.records).toContainEqual({
      kind: "edge",
      type: "has_credential",
      from: { externalType: "postgres.role", externalId: id(role("app")) },
      to: { externalType: "postgres.password", externalId: id(role("app")) },
      attributes: {},
    });
  });

  it("summarises privilege levels, including admin reached through membership", () => {
    const levels = ["super", "creator", "escalate", "writer", "member", "app"].map((name) => {
      const edge = permission(result, name);
      return [name, edge?.kind === "edge" ? edge.level : null, edge?.kind === "edge" ? edge.attributes.reasons : null];
    });
    expect(levels).toEqual([
      ["super", "admin", ["superuser"]],
      ["creator", "admin", ["createrole"]],
      ["escalate", "admin", ["member of a superuser role"]],
      ["writer", "write", ["pg_write_all_data"]],
      ["member", "read", []],
      ["app", "read", []],
    ]);
  });

  it("emits member_of edges for memberships, built-in roles included", () => {
    const memberships = mine(result.records)
      .filter((r) => r.kind === "edge" && r.type === "member_of")
      .map((r) => (r.kind === "edge" ? [r.from.externalId, r.to.externalId] : []));
    expect(memberships.sort()).toEqual(
      [
        [id(role("escalate")), id(role("super"))],
        [id(role("member")), id(role("group"))],
        [id(role("writer")), id("pg_write_all_data")],
      ].sort(),
    );
  });

  it("marks built-in roles", () => {
    const builtin = result.records.find((r) => r.kind === "identity" && r.name === "pg_write_all_data");
    expect(builtin).toMatchObject({ status: "inactive", attributes: { builtin: true } });
    const bootstrap = result.records.find((r) => r.kind === "identity" && r.attributes.bootstrapSuperuser === true);
    expect(bootstrap).toMatchObject({ attributes: { builtin: true, superuser: true } });
  });

  it("passes the setup page's connection test", async () => {
    const config = databaseRolesConnector.configSchema.parse({
      engine: "postgres",
      connection: connection(role("super")),
      password: CANARY,
      tls: { mode: "disable" },
    });
    const ctx = { config, signal: new AbortController().signal } as Parameters<typeof databaseRolesConnector.check>[0];
    await expect(databaseRolesConnector.check(ctx)).resolves.toEqual({
      ok: true,
      detail: `connected to ${server}; every catalog is readable`,
    });
  });

  it("never emits a password or a hash", () => {
    const json = JSON.stringify(result);
    for (const form of canaryForms(CANARY)) expect(json).not.toContain(form);
    expect(json).not.toMatch(/SCRAM-SHA-256\$|md5[0-9a-f]{32}/);
  });
});

describe("database-roles on PostgreSQL, as a role that cannot read pg_authid", () => {
  it("lists every role and reports the passwords stream as a permission gap", async () => {
    const config = {
      engine: "postgres",
      connection: connection(role("reader")),
      password: READER_PASSWORD,
      tls: { mode: "disable" },
    };
    const result = await driveConnector(databaseRolesConnector, config);
    expect(result.gaps).toEqual([
      {
        scope: `postgres://${server}`,
        stream: "passwords",
        reason: "permission_denied",
        detail: "DatabasePermissionDeniedError: permission denied for table pg_authid",
      },
    ]);
    expect(mine(result.records).filter((r) => r.kind === "identity")).toHaveLength(11);
    expect(result.records.filter((r) => r.kind === "credential")).toEqual([]);
    expect(permission(result, "escalate")).toMatchObject({ level: "admin" });
    expect(JSON.stringify(result)).not.toContain(READER_PASSWORD);
  });

  it("says so on the setup page's connection test", async () => {
    const config = databaseRolesConnector.configSchema.parse({
      engine: "postgres",
      connection: connection(role("reader")),
      password: READER_PASSWORD,
      tls: { mode: "disable" },
    });
    const ctx = { config, signal: new AbortController().signal } as Parameters<typeof databaseRolesConnector.check>[0];
    await expect(databaseRolesConnector.check(ctx)).resolves.toEqual({
      ok: true,
      detail: `connected to ${server}; cannot read pg_authid (passwords)`,
    });
  });

  it("reports a failed login as a permission gap without the password", async () => {
    const config = {
      engine: "postgres",
      connection: { ...connection(`${prefix}_nobody`) },
      password: CANARY,
      tls: { mode: "disable" },
    };
    const result = await driveConnector(databaseRolesConnector, config);
    expect(result.gaps.map((g) => [g.stream, g.reason])).toEqual([
      ["servers", "permission_denied"],
      ["roles", "permission_denied"],
      ["passwords", "permission_denied"],
    ]);
    expect(JSON.stringify(result.gaps)).not.toContain(CANARY);
  });
});
