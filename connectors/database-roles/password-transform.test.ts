import { describe, expect, it } from "vitest";
import { HARNESS_SCOPE, createFingerprinter, recordSchema, type KeywardRecord } from "../sdk";
import { mysqlPassword, pgPassword } from "./__fixtures__/catalog-items";
import { passwordsStream } from "./streams/passwords";

const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 7)) };
const transform = (item: unknown): KeywardRecord[] => passwordsStream.transform(item, ctx).map((r) => recordSchema.parse(r));
const credential = (item: unknown) => transform(item).find((r) => r.kind === "credential");

describe("PostgreSQL password transform", () => {
  it("emits a password credential with its scheme and VALID UNTIL, linked to the role", () => {
    expect(transform(pgPassword("app", { validUntil: "2027-01-01T00:00:00.000Z", passwordMethod: "md5" }))).toEqual([
      {
        kind: "credential",
        externalType: "postgres.password",
        externalId: "db.internal:5432/app",
        name: "password of app",
        type: "password",
        identityRef: { externalType: "postgres.role", externalId: "db.internal:5432/app" },
        environment: "prod",
        expiresAt: "2027-01-01T00:00:00.000Z",
        algorithm: "md5",
        status: "active",
        locations: [],
        attributes: { engine: "postgres", validUntil: "2027-01-01T00:00:00.000Z" },
        tags: {},
      },
      {
        kind: "edge",
        type: "has_credential",
        from: { externalType: "postgres.role", externalId: "db.internal:5432/app" },
        to: { externalType: "postgres.password", externalId: "db.internal:5432/app" },
        attributes: {},
      },
    ]);
  });

  it("is expired once VALID UNTIL has passed at the time of reading, and never expires without one", () => {
    expect(credential(pgPassword("old", { validUntil: "2026-05-31T23:59:59.000Z" }))).toMatchObject({ status: "expired" });
    expect(credential(pgPassword("forever"))).not.toHaveProperty("expiresAt");
  });

  it("emits nothing for roles that cannot log in or have no password", () => {
    expect(transform(pgPassword("group", { canLogin: false }))).toEqual([]);
    expect(transform(pgPassword("cert_only", { hasPassword: false, passwordMethod: null }))).toEqual([]);
  });
});

describe("MySQL/MariaDB password transform", () => {
  it("uses the account's lifetime, else the server default, to compute expiry", () => {
    expect(credential(mysqlPassword("a", "%", { passwordLifetimeDays: 120 }))).toMatchObject({
      externalId: "mysql.internal:3306/a@%",
      status: "active",
      lastRotatedAt: "2026-03-01T12:00:00.000Z",
      expiresAt: "2026-06-29T12:00:00.000Z",
      algorithm: "caching_sha2_password",
      attributes: { lifetimeDays: 120, lifetimeSource: "account" },
    });
    expect(credential(mysqlPassword("b", "%", { defaultLifetimeDays: 60 }))).toMatchObject({
      status: "expired",
      expiresAt: "2026-04-30T12:00:00.000Z",
      attributes: { lifetimeDays: 60, lifetimeSource: "server default" },
    });
    expect(credential(mysqlPassword("c", "%", { passwordLifetimeDays: 0, defaultLifetimeDays: 60 }))).not.toHaveProperty(
      "expiresAt",
    );
    expect(credential(mysqlPassword("d", "%", { passwordLastChanged: null, passwordLifetimeDays: 30 }))).not.toHaveProperty(
      "expiresAt",
    );
  });

  it("reports a manually expired password as expired and a locked account's as inactive", () => {
    expect(credential(mysqlPassword("e", "%", { passwordExpired: true }))).toMatchObject({ status: "expired" });
    expect(credential(mysqlPassword("f", "%", { passwordExpired: true, accountLocked: true }))).toMatchObject({
      status: "inactive",
    });
  });

  it("emits nothing for roles, socket authentication, empty and placeholder passwords", () => {
    expect(transform(mysqlPassword("r", "", { isRole: true }))).toEqual([]);
    expect(transform(mysqlPassword("s", "localhost", { plugin: "auth_socket", authState: "empty" }))).toEqual([]);
    expect(transform(mysqlPassword("root", "127.0.0.1", { authState: "empty" }))).toEqual([]);
    expect(transform(mysqlPassword("mysql.sys", "localhost", { authState: "invalid" }))).toEqual([]);
  });
});
