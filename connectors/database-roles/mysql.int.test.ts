import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeywardRecord } from "../sdk";
import { canaryForms } from "../sdk/harness-item";
import { driveConnector, type DriveResult } from "../sdk/testing/drive-connector";
import { databaseRolesConnector } from "./index";

/*
 * Against the real MySQL/MariaDB server (KEYWARD_TEST_MYSQL_URL, default the local MariaDB as
 * root without password). Accounts are server-wide, so names are unique per run and dropped after.
 */

const url = new URL(process.env.KEYWARD_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306");
const host = url.hostname;
const port = Number(url.port || 3306);
const server = `${host}:${port}`;
const prefix = `kw_${randomBytes(4).toString("hex")}`;
const user = (suffix: string) => `${prefix}_${suffix}`;
const id = (account: string) => `${server}/${account}`;
const CANARY = `pw-canary-${randomBytes(12).toString("hex")}`;
const NOPRIV_PASSWORD = `pw-nopriv-${randomBytes(12).toString("hex")}`;
const DAY_MS = 86_400_000;

const ACCOUNTS = ["life", "never", "expired", "locked", "all", "super", "writer", "reader", "nopriv"];

async function asRoot(statements: string[]): Promise<void> {
  const connection = await mysql.createConnection({
    host,
    port,
    user: decodeURIComponent(url.username || "root"),
    password: decodeURIComponent(url.password),
  });
  try {
    for (const sql of statements) await connection.query(sql);
  } finally {
    await connection.end();
  }
}

beforeAll(async () => {
  await asRoot([
    `CREATE USER '${user("life")}'@'%' IDENTIFIED BY 'x-life' PASSWORD EXPIRE INTERVAL 30 DAY`,
    `CREATE USER '${user("never")}'@'%' IDENTIFIED BY 'x-never' PASSWORD EXPIRE NEVER`,
    `CREATE USER '${user("expired")}'@'%' IDENTIFIED BY 'x-expired' PASSWORD EXPIRE`,
    `CREATE USER '${user("locked")}'@'%' IDENTIFIED BY 'x-locked' ACCOUNT LOCK`,
    `CREATE USER '${user("all")}'@'%' IDENTIFIED BY '${CANARY}'`,
    `GRANT ALL PRIVILEGES ON *.* TO '${user("all")}'@'%' WITH GRANT OPTION`,
    `CREATE USER '${user("super")}'@'%' IDENTIFIED BY 'x-super'`,
    `GRANT SUPER ON *.* TO '${user("super")}'@'%'`,
    `CREATE USER '${user("writer")}'@'%' IDENTIFIED BY 'x-writer'`,
    `GRANT SELECT, INSERT ON *.* TO '${user("writer")}'@'%'`,
    `CREATE USER '${user("reader")}'@'%' IDENTIFIED BY 'x-reader'`,
    `GRANT SELECT ON *.* TO '${user("reader")}'@'%'`,
    `CREATE USER '${user("nopriv")}'@'%' IDENTIFIED BY '${NOPRIV_PASSWORD}'`,
    `CREATE USER '${user("socket")}'@'localhost' IDENTIFIED VIA unix_socket`,
    `CREATE ROLE '${user("role")}'`,
  ]);
});

afterAll(async () => {
  await asRoot([
    ...ACCOUNTS.map((name) => `DROP USER IF EXISTS '${user(name)}'@'%'`),
    `DROP USER IF EXISTS '${user("socket")}'@'localhost'`,
    `DROP ROLE IF EXISTS '${user("role")}'`,
  ]);
});

const config = (account: string, password: string) => ({
  engine: "mysql",
  connection: { host, port, user: account },
  password,
  tls: { mode: "disable" },
});

const mine = (records: readonly KeywardRecord[]) =>
  records.filter((r) => {
    const key = r.kind === "edge" ? r.from.externalId : r.kind === "person" ? "" : r.externalId;
    return key.startsWith(`${server}/${prefix}_`);
  });

function find<K extends KeywardRecord["kind"]>(result: DriveResult, kind: K, externalId: string) {
  return result.records.find(
    (r): r is Extract<KeywardRecord, { kind: K }> => r.kind === kind && "externalId" in r && r.externalId === externalId,
  );
}

describe("database-roles on MariaDB, as an account with ALL PRIVILEGES", () => {
  let result: DriveResult;
  beforeAll(async () => {
    result = await driveConnector(databaseRolesConnector, config(user("all"), CANARY));
  });

  it("sees mysql.user and mysql.global_priv", () => {
    expect(result.gaps).toEqual([]);
    expect(result.records.find((r) => r.kind === "resource")).toMatchObject({
      externalType: "mysql.server",
      externalId: server,
      attributes: { engine: "mariadb" },
    });
  });

  it("inventories exactly the test's accounts, with their state", () => {
    const identities = mine(result.records).flatMap((r) =>
      r.kind === "identity" ? [[r.name, r.status, r.attributes.isRole, r.attributes.accountLocked]] : [],
    );
    expect(identities.sort()).toEqual(
      [
        [`${user("all")}@%`, "active", false, false],
        [`${user("expired")}@%`, "active", false, false],
        [`${user("life")}@%`, "active", false, false],
        [`${user("locked")}@%`, "inactive", false, true],
        [`${user("never")}@%`, "active", false, false],
        [`${user("nopriv")}@%`, "active", false, false],
        [`${user("reader")}@%`, "active", false, false],
        [`${user("socket")}@localhost`, "active", false, false],
        [`${user("super")}@%`, "active", false, false],
        [`${user("writer")}@%`, "active", false, false],
        [user("role"), "inactive", true, false],
      ].sort(),
    );
    expect(find(result, "identity", id(`${user("socket")}@localhost`))?.attributes).toMatchObject({
      authPlugin: "unix_socket",
      passwordless: false,
    });
  });

  it("summarises global privileges to a level", () => {
    const levels = ["all", "super", "writer", "reader", "nopriv"].map((name) => {
      const edge = result.records.find(
        (r) => r.kind === "edge" && r.type === "has_permission" && r.from.externalId === id(`${user(name)}@%`),
      );
      return edge?.kind === "edge" ? [name, edge.level, edge.attributes.reasons] : [name];
    });
    expect(levels).toEqual([
      ["all", "admin", ["all privileges", "super", "grant", "create_user"]],
      ["super", "admin", ["super"]],
      ["writer", "write", ["insert"]],
      ["reader", "read", ["select"]],
      ["nopriv", "read", []],
    ]);
  });

  it("derives password expiry from password_last_changed and the lifetime", () => {
    const passwords = mine(result.records).flatMap((r) =>
      r.kind === "credential" ? [[r.name, r.status, r.attributes.lifetimeDays, r.attributes.lifetimeSource]] : [],
    );
    expect(passwords.sort()).toEqual(
      [
        [`password of ${user("all")}@%`, "active", 0, "server default"],
        [`password of ${user("expired")}@%`, "expired", 0, "server default"],
        [`password of ${user("life")}@%`, "active", 30, "account"],
        [`password of ${user("locked")}@%`, "inactive", 0, "server default"],
        [`password of ${user("never")}@%`, "active", 0, "account"],
        [`password of ${user("nopriv")}@%`, "active", 0, "server default"],
        [`password of ${user("reader")}@%`, "active", 0, "server default"],
        [`password of ${user("super")}@%`, "active", 0, "server default"],
        [`password of ${user("writer")}@%`, "active", 0, "server default"],
      ].sort(),
    );
    const life = find(result, "credential", id(`${user("life")}@%`));
    expect(life).toMatchObject({
      type: "password",
      algorithm: "mysql_native_password",
      identityRef: { externalType: "mysql.user", externalId: id(`${user("life")}@%`) },
    });
    const changed = Date.parse(life?.lastRotatedAt ?? "");
    expect(Date.now() - changed).toBeLessThan(10 * 60_000);
    expect(life?.expiresAt).toBe(new Date(changed + 30 * DAY_MS).toISOString());
    expect(find(result, "credential", id(`${user("never")}@%`))).not.toHaveProperty("expiresAt");
  });

  it("never emits a password or a hash", () => {
    const json = JSON.stringify(result);
    for (const form of canaryForms(CANARY)) expect(json).not.toContain(form);
    expect(json).not.toMatch(/\*[0-9A-F]{40}/);
  });
});

describe("database-roles on MariaDB, as an account without privileges", () => {
  it("reports mysql.user and mysql.global_priv as permission gaps, not a crash", async () => {
    const result = await driveConnector(databaseRolesConnector, config(user("nopriv"), NOPRIV_PASSWORD));
    expect(result.gaps.map((g) => [g.scope, g.stream, g.reason])).toEqual([
      [`mysql://${server}`, "roles", "permission_denied"],
      [`mysql://${server}`, "passwords", "permission_denied"],
    ]);
    expect(result.gaps[0]?.detail).toMatch(/command denied .* table .*user/);
    expect(result.records.map((r) => r.kind)).toEqual(["resource"]);
    expect(JSON.stringify(result)).not.toContain(NOPRIV_PASSWORD);
  });
});
