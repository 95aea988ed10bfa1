import { describe, expect, it } from "vitest";
import { classify, nameSoundsSecret } from "./secret-rule";

describe("MCP secret rule", () => {
  it("reads key names: secret words count unless the last word makes it an id or a setting", () => {
    expect(
      ["GITHUB_TOKEN", "apiKey", "x-api-key", "DB_PASSWORD", "AUTH", "SESSION_COOKIE", "OPENAI_APIKEY"].filter(nameSoundsSecret),
    ).toHaveLength(7);
    expect(
      ["AWS_ACCESS_KEY_ID", "SSH_KEY_PATH", "TOKEN_URL", "NODE_ENV", "SECRET_NAME", "keyboard", "MONKEY"].filter(
        nameSoundsSecret,
      ),
    ).toEqual([]);
  });

  it("keeps settings out even under a secret-sounding name", () => {
    for (const value of [
      "true",
      "off",
      "42",
      "/run/secrets/token",
      "./key.pem",
      "C:\\keys\\a.pem",
      "https://auth.example.com",
      "short",
      "two words here",
    ])
      expect(classify("API_TOKEN", value)).toEqual({ kind: "plain" });
    expect(classify("API_TOKEN", 12345)).toEqual({ kind: "plain" });
    expect(classify("API_TOKEN", "")).toEqual({ kind: "plain" });
    expect(classify("NODE_ENV", "production")).toEqual({ kind: "plain" });
  });

  it("recognises every reference syntax, and only secret ones become credentials", () => {
    expect(classify("X", "${env:GITHUB_TOKEN}")).toEqual({
      kind: "reference",
      references: [{ kind: "env", name: "GITHUB_TOKEN" }],
    });
    expect(classify("API_KEY", "${input:k}")).toEqual({ kind: "reference", references: [{ kind: "input", name: "k" }] });
    expect(classify("X", "${input:k}", new Set(["k"]))).toEqual({
      kind: "reference",
      references: [{ kind: "input", name: "k" }],
    });
    expect(classify("TOKEN", "$SOME_VAR")).toEqual({ kind: "reference", references: [{ kind: "var", name: "SOME_VAR" }] });
    expect(classify("TOKEN", "${SOME_VAR:-fallback}")).toEqual({
      kind: "reference",
      references: [{ kind: "var", name: "SOME_VAR" }],
    });
    expect(classify("HOME", "${HOME}")).toEqual({ kind: "plain" });
    expect(classify("X", "${input:k}")).toEqual({ kind: "plain" });
    expect(classify("Authorization", "Basic ${env:CREDS}")).toEqual({
      kind: "reference",
      references: [{ kind: "env", name: "CREDS" }],
      scheme: "Basic",
    });
  });

  it("treats a literal with a dollar sign as a literal, not a reference", () => {
    expect(classify("DB_PASSWORD", "pa$sw0rd-long-enough")).toMatchObject({
      kind: "secret",
      fingerprinted: "pa$sw0rd-long-enough",
    });
  });

  it("spots token shapes under any key and passwords inside URLs", () => {
    expect(classify("", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")).toMatchObject({ kind: "secret", why: "token shape" });
    expect(classify("WHATEVER", "AKIAIOSFODNN7EXAMPLE")).toMatchObject({ kind: "secret", why: "token shape" });
    expect(classify("DATABASE_URL", "postgres://u:p%40ss@db:5432/x")).toMatchObject({ kind: "secret", fingerprinted: "p@ss" });
    expect(classify("DATABASE_URL", "postgres://u@db:5432/x")).toEqual({ kind: "plain" });
  });
});
