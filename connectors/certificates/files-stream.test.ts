import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driveConnector } from "../sdk/testing/drive-connector";
import { generateTestPki, type TestPki } from "./__fixtures__/test-pki";
import { certificatesConnector } from "./index";
import { FILES_PAGE_SIZE } from "./streams/files";

let pki: TestPki;
let root: string;

beforeAll(async () => {
  pki = await generateTestPki();
  root = mkdtempSync(join(tmpdir(), "keyward-cert-files-"));
  mkdirSync(join(root, "a"));
  mkdirSync(join(root, "b", "deep"), { recursive: true });
  writeFileSync(join(root, "a", "chain.pem"), pki.leaf.pem + pki.intermediate.pem);
  writeFileSync(join(root, "b", "deep", "server.key"), pki.leaf.keyPem);
  writeFileSync(join(root, "b", "legacy.cer"), pki.rsa1024.der);
  writeFileSync(join(root, "notes.txt"), "not a certificate\n");
  writeFileSync(join(root, "huge.pem"), pki.expired.pem + "#".repeat(4096));
  symlinkSync(join(root, "a", "chain.pem"), join(root, "linked.pem"));
  symlinkSync(root, join(root, "loop"));
  symlinkSync(join(root, "missing.pem"), join(root, "dangling.pem"));
  mkdirSync(join(root, "many"));
  for (let i = 0; i < FILES_PAGE_SIZE + 5; i++) writeFileSync(join(root, "many", `f${String(i).padStart(3, "0")}.txt`), "x");
  writeFileSync(join(root, "many", "zz-last.pem"), pki.selfSigned.pem);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = (overrides: Record<string, unknown> = {}) => ({ paths: [root], maxFileBytes: 4000, ...overrides });

describe("files stream (live directory scan)", () => {
  it("finds certificates and keys across pages, follows file links but not directory links, skips oversized files", async () => {
    const { records, gaps } = await driveConnector(certificatesConnector, config());
    expect(gaps).toEqual([]);
    const seen = records.map((r) =>
      r.kind === "credential" ? `${r.externalType} ${r.locations[0]?.path?.slice(root.length)}` : r.kind,
    );
    expect(seen.sort()).toEqual(
      [
        "certificates.certificate /a/chain.pem",
        "certificates.certificate /a/chain.pem",
        "certificates.certificate /b/legacy.cer",
        "certificates.certificate /linked.pem",
        "certificates.certificate /linked.pem",
        "certificates.certificate /many/zz-last.pem",
        "certificates.private_key /b/deep/server.key",
      ].sort(),
    );
  });

  it("turns a missing path, a broken file and too many files into coverage gaps", async () => {
    const missing = await driveConnector(certificatesConnector, config({ paths: [join(root, "nope")] }));
    expect(missing.gaps).toEqual([
      { scope: "certificates", stream: "files", reason: "error", detail: expect.stringContaining("ENOENT") },
    ]);

    const brokenDir = mkdtempSync(join(tmpdir(), "keyward-cert-broken-"));
    writeFileSync(join(brokenDir, "bad.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    const broken = await driveConnector(certificatesConnector, config({ paths: [brokenDir] }));
    rmSync(brokenDir, { recursive: true, force: true });
    expect(broken.gaps).toEqual([
      {
        scope: "certificates",
        stream: "files",
        reason: "error",
        detail: expect.stringMatching(/bad\.pem: line 1: CERTIFICATE block is not a valid/),
      },
    ]);

    const capped = await driveConnector(certificatesConnector, config({ maxFiles: 10 }));
    expect(capped.gaps).toEqual([
      { scope: "certificates", stream: "files", reason: "error", detail: expect.stringContaining("more than 10 files") },
    ]);
  });
});
