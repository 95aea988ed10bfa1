import { describe, expect, it } from "vitest";
import { expectHarnessPasses } from "../sdk";
import { asItems, vaultData, vaultFiles } from "./__fixtures__/vault-files";
import { vaultConnector } from "./index";
import { environmentOf } from "./streams/live-context";
import { mountItemsOf } from "./streams/mounts";

/** Planted where a secret could sit: a token in a saved `lookup` answer, a secret id in a saved create answer. */
const TOKEN_CANARY = "hvs.CAESIvault-token-CANARY-4b7e9d2a61c0f358";
const SECRET_ID_CANARY = "secret-id-CANARY-9c1e5a7b3d2f4e6a8b0c";

const rolePath = "auth/approle/role/web-payments";
const mounts = [
  ...mountItemsOf("auth", vaultData("sys/auth.json")[0]!),
  ...mountItemsOf("secret", vaultData("sys/mounts.json")[0]!),
].map((mount) => ({ ...mount, keyward: { namespace: "" } }));

describe("vault connector", () => {
  it("passes the connector harness with live items and saved API answers", async () => {
    const [rootToken, ...otherTokens] = asItems("auth/token/lookups.json");
    const [neverExpiring, ...otherSecretIds] = asItems(`${rolePath}/secret-id/lookups.json`, { rolePath });
    await expectHarnessPasses(vaultConnector, {
      fixtures: [
        { stream: "mounts", items: mounts },
        {
          stream: "approle-roles",
          parent: { stream: "mounts", id: "auth/approle/", name: "approle" },
          items: [
            ...asItems(`${rolePath}.json`, { rolePath }),
            ...asItems("auth/approle/role/ci-deployer.json", { rolePath: "auth/approle/role/ci-deployer" }),
          ],
        },
        {
          stream: "approle-secret-ids",
          parent: { stream: "approle-roles", id: rolePath },
          items: [{ ...neverExpiring, secret_id: SECRET_ID_CANARY }, ...otherSecretIds],
        },
        { stream: "tokens", items: [{ ...rootToken, id: TOKEN_CANARY }, ...otherTokens] },
        {
          stream: "kv-secrets",
          parent: { stream: "mounts", id: "secret/", name: "kv-v2" },
          items: ["payments/db", "payments/stripe-api-key"].flatMap((path) =>
            asItems(`secret/metadata/${path}.json`, { mount: "secret/", path }),
          ),
        },
      ],
      files: vaultFiles,
      canaries: [TOKEN_CANARY, SECRET_ID_CANARY],
    });
  });

  it("declares a read-only permission for every stream, and nothing that writes or reads values", () => {
    const covered = new Set(vaultConnector.permissions.map((p) => p.stream));
    expect([...covered].sort()).toEqual(vaultConnector.streams.map((s) => s.name).sort());
    expect(vaultConnector.permissions.every((p) => /^(list|read|update|list \+ sudo) /.test(p.permission))).toBe(true);
    // `update` only on the two lookup endpoints, which are POSTs that read.
    expect(vaultConnector.permissions.filter((p) => p.permission.startsWith("update")).map((p) => p.permission)).toEqual([
      "update auth/<approle mount>/role/*/secret-id-accessor/lookup",
      "update auth/token/lookup-accessor",
    ]);
    expect(vaultConnector.permissions.some((p) => /\/data\//.test(p.permission))).toBe(false);
  });

  it("has one scope per distinct namespace, root included", async () => {
    const config = vaultConnector.configSchema.parse({
      address: "https://vault.example.com",
      token: "t",
      namespaces: ["", "team-a/", "team-a"],
    });
    const scopes = await vaultConnector.scopes({ config } as Parameters<typeof vaultConnector.scopes>[0]);
    expect(scopes.map((s) => [s.id, s.label])).toEqual([
      ["root", "Vault root namespace"],
      ["team-a", "Vault namespace team-a"],
    ]);
  });
});

describe("vault config", () => {
  const parse = (config: object) =>
    vaultConnector.configSchema.safeParse({ address: "https://vault.example.com:8200", ...config });

  it("takes a token or an AppRole, not both and not neither", () => {
    expect(parse({ token: "t" }).success).toBe(true);
    expect(parse({ roleId: "r", secretId: "s" }).success).toBe(true);
    expect(parse({}).error?.issues[0]?.path).toEqual(["token"]);
    expect(parse({ token: "t", roleId: "r", secretId: "s" }).success).toBe(false);
    expect(parse({ roleId: "r" }).success).toBe(false);
  });

  it("refuses a namespace that is not a path", () => {
    expect(parse({ token: "t", namespaces: ["team a"] }).error?.issues[0]?.path).toEqual(["namespaces", 0]);
  });

  it("keeps the token and the AppRole credentials in secret fields", () => {
    expect([...vaultConnector.secretFields].sort()).toEqual(["roleId", "secretId", "token"]);
  });
});

describe("vault environments", () => {
  const config = vaultConnector.configSchema.parse({
    address: "https://vault.example.com",
    token: "t",
    environments: { "team-a/": "prod", "team-a/secret-dev/": "dev", "secret/": "shared" },
  });

  it("takes the longest namespace/mount prefix", () => {
    expect(environmentOf(config, "team-a", "secret-dev/")).toBe("dev");
    expect(environmentOf(config, "team-a", "auth/approle/")).toBe("prod");
    expect(environmentOf(config, "", "secret/")).toBe("shared");
    expect(environmentOf(config, "", "auth/approle/")).toBeUndefined();
  });
});
