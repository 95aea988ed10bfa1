import { describe, expect, it } from "vitest";
import { coverageReasonOf, expectHarnessPasses } from "../sdk";
import { CANARIES, mysqlPassword, mysqlUser, pgPassword, pgRole, pgServer } from "./__fixtures__/catalog-items";
import { databaseRolesConfigSchema, serverId } from "./config";
import { mapDatabaseError } from "./connect/errors";
import { databaseRolesConnector } from "./index";
import { pgPage, PG_PAGE_SIZE } from "./queries/postgres";

describe("database-roles connector", () => {
  it("passes the connector harness with password hashes planted in the raw items", async () => {
    await expectHarnessPasses(databaseRolesConnector, {
      fixtures: [
        {
          stream: "servers",
          items: [
            pgServer,
            { ...pgServer, engine: "mysql", flavor: "mariadb", server: "mysql.internal:3306", version: "10.11.19-MariaDB" },
          ],
        },
        {
          stream: "roles",
          items: [
            { ...pgRole("app", { memberOf: [{ role: "rw", admin: false }], inheritedRoles: ["rw"] }), rolpassword: CANARIES[0] },
            pgRole("pg_monitor", { canLogin: false }),
            { ...mysqlUser("app", "%", { privileges: ["select"] }), authentication_string: CANARIES[1] },
          ],
        },
        {
          stream: "passwords",
          items: [
            { ...pgPassword("app"), rolpassword: CANARIES[0] },
            { ...mysqlPassword("app", "%", { passwordLifetimeDays: 90 }), authentication_string: CANARIES[1] },
          ],
        },
      ],
      canaries: [...CANARIES],
    });
  });

  it("keeps the password in a secret field, never inside the visible connection", () => {
    expect(databaseRolesConnector.secretFields).toEqual(["password"]);
    const smuggled = databaseRolesConfigSchema.safeParse({
      engine: "postgres",
      connection: { host: "db", user: "u", password: "p" },
    });
    expect(smuggled.success).toBe(false);
  });

  it("defaults to verified TLS and the engine's port, and ids the server by host:port", () => {
    const config = databaseRolesConfigSchema.parse({ engine: "mysql", connection: { host: "DB.internal", user: "keyward" } });
    expect(config.tls).toEqual({ mode: "verify-full" });
    expect(serverId(config)).toBe("db.internal:3306");
    expect(
      serverId(databaseRolesConfigSchema.parse({ engine: "postgres", connection: { host: "fd00::5", port: 6432, user: "k" } })),
    ).toBe("[fd00::5]:6432");
  });

  it("declares one scope per server", async () => {
    const config = databaseRolesConfigSchema.parse({ engine: "postgres", connection: { host: "db.internal", user: "keyward" } });
    const ctx = { config } as Parameters<typeof databaseRolesConnector.scopes>[0];
    await expect(databaseRolesConnector.scopes(ctx)).resolves.toEqual([
      { id: "postgres://db.internal:5432", label: "postgres db.internal:5432" },
    ]);
  });
});

describe("driver errors", () => {
  const map = (error: object) => mapDatabaseError(Object.assign(new Error("driver said no"), error), "postgres://db:5432", 5000);

  it("maps denials to permission_denied and timeouts to timeout gaps", () => {
    expect(coverageReasonOf(map({ code: "42501" }))).toBe("permission_denied");
    expect(coverageReasonOf(map({ code: "28P01" }))).toBe("permission_denied");
    expect(coverageReasonOf(map({ code: "ER_TABLEACCESS_DENIED_ERROR" }))).toBe("permission_denied");
    expect(coverageReasonOf(map({ code: "57014" }))).toBe("timeout");
    expect(coverageReasonOf(map({ code: "ETIMEDOUT" }))).toBe("timeout");
    expect(coverageReasonOf(map({ code: "ECONNREFUSED" }))).toBe("error");
  });
});

describe("PostgreSQL catalog paging", () => {
  it("continues after the last name only when a page is full", async () => {
    const calls: unknown[][] = [];
    const names = Array.from({ length: PG_PAGE_SIZE + 3 }, (_, i) => ({ name: `role_${String(i).padStart(4, "0")}` }));
    const query = async <T>(_sql: string, params: readonly unknown[] = []) => {
      calls.push([...params]);
      const after = params[0] as string | null;
      return names.filter((n) => after === null || n.name > after).slice(0, PG_PAGE_SIZE) as T[];
    };
    const first = await pgPage<{ name: string }>(query, "sql", undefined);
    expect(first.nextCursor).toBe(`role_${String(PG_PAGE_SIZE - 1).padStart(4, "0")}`);
    const second = await pgPage<{ name: string }>(query, "sql", first.nextCursor);
    expect(second.rows).toHaveLength(3);
    expect(second.nextCursor).toBeUndefined();
    expect(calls).toEqual([
      [null, PG_PAGE_SIZE],
      [first.nextCursor, PG_PAGE_SIZE],
    ]);
  });
});
