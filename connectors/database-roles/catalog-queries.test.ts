import { describe, expect, it } from "vitest";
import { mysqlPasswordsPage } from "./queries/mysql-passwords";
import { MYSQL_PAGE_SIZE } from "./queries/mysql-sql";
import { mysqlUsersPage } from "./queries/mysql-users";
import { PG_PASSWORDS_SQL, PG_ROLES_SQL } from "./queries/postgres";

/*
 * The queries' contract with the rest of the connector: no hash column ever leaves the server,
 * and MySQL paging resumes after the last (User, Host).
 */

const base = { server: "db:3306", observedAt: "2026-06-01T00:00:00.000Z", flavor: "mariadb" as const };

function fakeMysql(rows: Record<string, unknown>[]) {
  const sql: string[] = [];
  const params: unknown[][] = [];
  const query = async <T>(text: string, values: readonly unknown[] = []): Promise<T[]> => {
    sql.push(text);
    params.push([...values]);
    if (text.startsWith("SHOW COLUMNS"))
      return [{ Field: "User" }, { Field: "Select_priv" }, { Field: "Super_priv" }, { Field: "is_role" }] as T[];
    if (text.includes("@@global.default_password_lifetime")) return [{ lifetime: "0" }] as T[];
    if (text.includes("LIMIT 0")) return [];
    return rows as T[];
  };
  return { query, sql, params };
}

const userRow = (user: string, host: string) => ({
  user,
  host,
  plugin: "mysql_native_password",
  isRole: "N",
  accountLocked: "N",
  passwordExpired: "N",
  authState: "set",
  Select_priv: "Y",
  Super_priv: "N",
});

describe("catalog queries", () => {
  it("only tests hash columns inside the server (NULL, prefix, emptiness), never selects them", async () => {
    const mysql = fakeMysql([]);
    await mysqlUsersPage(mysql.query, undefined, base);
    await mysqlPasswordsPage(mysql.query, undefined, base);
    await mysqlPasswordsPage(mysql.query, undefined, { ...base, flavor: "mysql" });
    for (const text of [...mysql.sql, PG_ROLES_SQL, PG_PASSWORDS_SQL]) {
      expect(text).not.toMatch(/authentication_string['")]*\s*(,|AS\b|FROM\b)/i);
      expect(text).not.toMatch(/\bPassword\b\s*(,|AS\b|FROM\b)/);
      expect(text).not.toMatch(/rolpassword\s*(,|AS\b|FROM\b)/i);
      expect(text).not.toMatch(/SELECT\s+\*/i);
    }
  });

  it("pages mysql.user on (User, Host) and maps privilege columns", async () => {
    const rows = Array.from({ length: MYSQL_PAGE_SIZE }, (_, i) => userRow(`u${String(i).padStart(4, "0")}`, "%"));
    const first = fakeMysql(rows);
    const page = await mysqlUsersPage(first.query, undefined, base);
    expect(page.nextCursor).toBe(JSON.stringify([`u${String(MYSQL_PAGE_SIZE - 1).padStart(4, "0")}`, "%"]));
    expect(page.items[0]).toMatchObject({ user: "u0000", privileges: ["select"], allPrivileges: false, accountLocked: false });

    const second = fakeMysql([userRow("zz", "localhost")]);
    const last = await mysqlUsersPage(second.query, page.nextCursor, base);
    expect(last.nextCursor).toBeUndefined();
    expect(second.sql.at(-1)).toContain("WHERE (u.User, u.Host) > (?, ?)");
    expect(second.params.at(-1)).toEqual([`u${String(MYSQL_PAGE_SIZE - 1).padStart(4, "0")}`, "%"]);
  });
});
