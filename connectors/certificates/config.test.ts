import { describe, expect, it } from "vitest";
import { certificatesConfigSchema, targetId } from "./config";

const targets = (list: unknown[]) => certificatesConfigSchema.parse({ targets: list }).targets;

describe("certificates config", () => {
  it("accepts host:port strings, bracketed IPv6, bare hosts and objects", () => {
    expect(
      targets(["api.example.com:8443", "[::1]:9443", "example.com", { host: "10.0.0.5", port: 636, servername: "ldap.corp" }]),
    ).toEqual([
      { host: "api.example.com", port: 8443 },
      { host: "::1", port: 9443 },
      { host: "example.com", port: 443 },
      { host: "10.0.0.5", port: 636, servername: "ldap.corp" },
    ]);
  });

  it("refuses URLs, bad ports and relative paths, naming the field", () => {
    expect(certificatesConfigSchema.safeParse({ targets: ["https://example.com"] }).success).toBe(false);
    expect(certificatesConfigSchema.safeParse({ targets: ["example.com:99999"] }).success).toBe(false);
    const paths = certificatesConfigSchema.safeParse({ paths: ["etc/ssl"] });
    expect(paths.success).toBe(false);
    expect(paths.error?.issues[0]?.path).toEqual(["paths", 0]);
  });

  it("defaults to a 10 s timeout and public networks only", () => {
    expect(certificatesConfigSchema.parse({})).toMatchObject({
      connectTimeoutMs: 10_000,
      allowPrivateNetworks: false,
      targets: [],
      paths: [],
    });
  });

  it("ids a target by host:port, adding the SNI name only when it differs", () => {
    expect(targetId({ host: "API.example.com", port: 443 })).toBe("api.example.com:443");
    expect(targetId({ host: "10.0.0.5", port: 443, servername: "app.example.com" })).toBe("10.0.0.5:443#app.example.com");
    expect(targetId({ host: "::1", port: 8443 })).toBe("[::1]:8443");
  });
});
