import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults for an empty environment", () => {
    const env = parseEnv({ KEYWARD_HOME: "/opt/keyward" });
    expect(env.KEYWARD_PORT).toBe(3000);
    expect(env.KEYWARD_EMBEDDED_PG_PORT).toBe(54329);
    expect(env.baseUrl).toBe("http://localhost:3000");
    expect(env.dataDir).toBe(path.resolve("/opt/keyward/.keyward"));
    expect(env.oidc).toBeNull();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", OIDC_ISSUER: " " }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and the reason for a bad value", () => {
    expect(() => parseEnv({ KEYWARD_PORT: "70000" })).toThrow(new ConfigError("KEYWARD_PORT: must be between 1 and 65535"));
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow("DATABASE_URL: must start with postgres:// or postgresql://");
    expect(() => parseEnv({ KEYWARD_ADMIN_PASSWORD: "short" })).toThrow("KEYWARD_ADMIN_PASSWORD: must be at least 12 characters");
    expect(() => parseEnv({ OIDC_DEFAULT_ROLE: "admin" })).toThrow("OIDC_DEFAULT_ROLE: must be analyst, owner or auditor");
  });

  it("requires the OIDC settings together", () => {
    expect(() => parseEnv({ OIDC_CLIENT_ID: "keyward" })).toThrow(/^OIDC_ISSUER, OIDC_CLIENT_SECRET: missing/);
    const env = parseEnv({ OIDC_ISSUER: "https://idp.example.com/", OIDC_CLIENT_ID: "kw", OIDC_CLIENT_SECRET: "s" });
    expect(env.oidc).toEqual({ issuer: "https://idp.example.com/", clientId: "kw", clientSecret: "s", displayName: "Single sign-on" });
  });

  it("strips a trailing slash from the public URL", () => {
    expect(parseEnv({ KEYWARD_URL: "https://keyward.example.com/" }).baseUrl).toBe("https://keyward.example.com");
  });
});

describe("scheduled report settings", () => {
  it("delivers nothing by default, on Mondays at 06:00 once recipients are given", () => {
    const env = parseEnv({});
    expect(env.KEYWARD_REPORT_RECIPIENTS).toEqual([]);
    expect(env.KEYWARD_REPORT_SCHEDULE).toBe("0 6 * * 1");
    expect(parseEnv({ KEYWARD_REPORT_RECIPIENTS: " ", KEYWARD_REPORT_SCHEDULE: "" })).toMatchObject({ KEYWARD_REPORT_RECIPIENTS: [], KEYWARD_REPORT_SCHEDULE: "0 6 * * 1" });
  });

  it("reads a comma-separated list of addresses, ignoring blanks and repeats", () => {
    const env = parseEnv({ KEYWARD_REPORT_RECIPIENTS: "ciso@example.com, audit@example.com,,ciso@example.com ", KEYWARD_REPORT_SCHEDULE: " 30 7 1 * * " });
    expect(env.KEYWARD_REPORT_RECIPIENTS).toEqual(["ciso@example.com", "audit@example.com"]);
    expect(env.KEYWARD_REPORT_SCHEDULE).toBe("30 7 1 * *");
  });

  it("names the address that is not one", () => {
    expect(() => parseEnv({ KEYWARD_REPORT_RECIPIENTS: "ciso@example.com,audit-at-example.com" })).toThrow(
      new ConfigError('KEYWARD_REPORT_RECIPIENTS: "audit-at-example.com" is not an e-mail address (give a comma-separated list of addresses)'),
    );
  });

  it("refuses a schedule that is not a cron expression", () => {
    for (const bad of ["weekly", "61 6 * * 1", "0 6 * * 1 * *"]) {
      expect(() => parseEnv({ KEYWARD_REPORT_SCHEDULE: bad })).toThrow(/^KEYWARD_REPORT_SCHEDULE: must be a cron expression/);
    }
  });
});
