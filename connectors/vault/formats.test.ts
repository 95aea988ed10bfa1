import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormat, FormatError, inspectFile } from "../sdk";
import { vaultFiles, vaultText } from "./__fixtures__/vault-files";
import { vaultConnector } from "./index";

const detect = (path: string, content: string) => detectFormat(inspectFile(path, content), vaultConnector.formats);
const parse = (path: string, content: string) => {
  const found = detect(path, content);
  if (!found) throw new Error(`${path} not recognised`);
  return { id: found.format.id, batches: found.format.parse(inspectFile(path, content)) };
};

/** Fixture files of the other connectors present in this tree. */
function foreignFiles(): { path: string; content: string }[] {
  return ["keyward", "people", "certificates", "database-roles", "aws", "azure", "gcp"]
    .map((connector) => fileURLToPath(new URL(`../${connector}/__fixtures__/`, import.meta.url)))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(json|csv|txt|pem)$/.test(entry.name))
        .map((entry) => ({ path: entry.name, content: readFileSync(join(entry.parentPath, entry.name), "utf8") })),
    );
}

describe("offline Vault formats", () => {
  it("recognises answers that name their object by content, whatever the file is called", () => {
    expect(parse("a.json", vaultText("sys/auth.json")).id).toBe("vault.sys-auth");
    expect(parse("b.json", vaultText("sys/mounts.json")).id).toBe("vault.sys-mounts");
    expect(parse("c.json", vaultText("auth/token/lookups.json")).id).toBe("vault.token-lookup");
    expect(parse("d.json", vaultText("auth/token/accessors.json"))).toEqual({ id: "vault.list", batches: [] });
  });

  it("tells sys/auth from sys/mounts by the built-in mounts each always holds", () => {
    const [auth] = parse("sys/auth.json", vaultText("sys/auth.json")).batches;
    const [engines] = parse("sys/mounts.json", vaultText("sys/mounts.json")).batches;
    expect(auth?.items.map((m) => [(m as { kind: string }).kind, (m as { path: string }).path])).toEqual([
      ["auth", "approle/"],
      ["auth", "token/"],
    ]);
    expect(engines?.items.map((m) => (m as { path: string }).path).sort()).toEqual([
      "cubbyhole/",
      "identity/",
      "legacy-kv/",
      "secret/",
      "sys/",
    ]);
  });

  it("takes the AppRole of a role read from its path, below any export folder", () => {
    const { id, batches } = parse(
      "export-2026/auth/approle/role/web-payments.json",
      vaultText("auth/approle/role/web-payments.json"),
    );
    expect(id).toBe("vault.approle-role");
    expect(batches).toEqual([
      {
        stream: "approle-roles",
        parent: { stream: "mounts", id: "auth/approle/", name: "approle" },
        items: [
          expect.objectContaining({ secret_id_ttl: 0, keyward: { namespace: "", rolePath: "auth/approle/role/web-payments" } }),
        ],
      },
    ]);
    const nested = parse("auth/team/approle/role/ci.json", vaultText("auth/approle/role/ci-deployer.json"));
    expect(nested.batches[0]?.parent?.id).toBe("auth/team/approle/");
  });

  it("takes the AppRole of secret-id lookups from the folder they are saved in", () => {
    const path = "auth/approle/role/web-payments/secret-id/lookups.json";
    const { id, batches } = parse(path, vaultText(path));
    expect(id).toBe("vault.approle-secret-id-lookup");
    expect(batches[0]).toMatchObject({
      stream: "approle-secret-ids",
      parent: { stream: "approle-roles", id: "auth/approle/role/web-payments" },
    });
    expect(batches[0]?.items).toHaveLength(2);
  });

  it("takes a KV secret's mount and path from <mount>/metadata/<path>.json", () => {
    const { id, batches } = parse("backup/secret/metadata/payments/db.json", vaultText("secret/metadata/payments/db.json"));
    expect(id).toBe("vault.kv-metadata");
    expect(batches[0]).toMatchObject({
      stream: "kv-secrets",
      parent: { stream: "mounts", id: "secret/", name: "kv-v2" },
      items: [expect.objectContaining({ current_version: 3, keyward: { namespace: "", mount: "secret/", path: "payments/db" } })],
    });
  });

  it("refuses an answer whose path does not say what it describes, naming the file", () => {
    for (const [path, fixture] of [
      ["web-payments.json", "auth/approle/role/web-payments.json"],
      ["lookups.json", "auth/approle/role/web-payments/secret-id/lookups.json"],
      ["db.json", "secret/metadata/payments/db.json"],
    ] as const) {
      const found = detect(path, vaultText(fixture));
      expect(found).not.toBeNull();
      expect(() => found!.format.parse(inspectFile(path, vaultText(fixture)))).toThrow(FormatError);
      expect(() => found!.format.parse(inspectFile(path, vaultText(fixture)))).toThrow(path);
    }
  });

  it("leaves a KV read holding values unrecognised, so a value can never be imported", () => {
    const kvRead = {
      request_id: "x",
      lease_id: "",
      data: { data: { password: "hunter2" }, metadata: { version: 1, created_time: "2024-01-01T00:00:00Z" } },
    };
    expect(detect("secret/data/app.json", JSON.stringify(kvRead))).toBeNull();
  });

  it("refuses a token lookup whose fields have the wrong types", () => {
    const bad = { request_id: "x", lease_id: "", data: { accessor: "a", policies: "root", creation_time: 1 } };
    const found = detect("t.json", JSON.stringify(bad));
    expect(found?.format.id).toBe("vault.token-lookup");
    expect(() => found!.format.parse(inspectFile("t.json", JSON.stringify(bad)))).toThrow(FormatError);
  });

  it("recognises every fixture, and no other connector's fixture", () => {
    for (const file of vaultFiles) expect(detect(file.path, file.content), file.path).not.toBeNull();
    for (const file of foreignFiles()) expect(detect(file.path, file.content), file.path).toBeNull();
  });
});
