import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import { buildEvidencePack, type EvidencePack } from "@/lib/evidence/build-evidence-pack";
import { CORE_PATHS } from "@/lib/evidence/core-parts";
import { MANIFEST_PATH, sha256Of, SIGNATURE_PATH } from "@/lib/evidence/manifest";
import { deriveEvidenceSigningKey } from "@/lib/evidence/signing-key";
import { CANARY_SECRET, seedPayloadInventory } from "@/lib/evidence/testing/evidence-fixtures";
import { flipOneByte, tamper, unzip } from "@/lib/evidence/testing/zip-tamper";
import { verifyEvidencePack } from "@/lib/evidence/verify-evidence-pack";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

const auditor: Caller = { type: "user", userId: null, email: "audrey@acme.example", name: null, role: "auditor", sessionId: null };
const owner: Caller = { ...auditor, email: "olly@acme.example", role: "owner" };
const COMPLIANCE = { path: "compliance/report.txt", contents: "NHI compliance report\n" };

let t: TestDatabase;
let pack: EvidencePack;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await seedPayloadInventory(t.url);
  pack = await buildEvidencePack(auditor, { parts: [() => [COMPLIANCE]] });
}, 180_000);
afterAll(() => t.drop());

describe("buildEvidencePack", () => {
  it("holds the inventory, findings and audit-chain verification, extra parts, and a signed manifest of them all", async () => {
    const files = await unzip(pack.zip);
    expect([...files.keys()].sort()).toEqual(
      [...Object.values(CORE_PATHS), COMPLIANCE.path, MANIFEST_PATH, SIGNATURE_PATH].sort(),
    );
    const manifest = JSON.parse(files.get(MANIFEST_PATH)!.toString("utf8"));
    const key = deriveEvidenceSigningKey(getInstanceKeys().auditKey);
    expect(manifest).toMatchObject({ format: "keyward/evidence-pack/v1", instanceId: key.instanceId, generatedBy: auditor.email });
    expect(manifest.signature).toEqual({ algorithm: "Ed25519", publicKeyPem: key.publicKeyPem, publicKeyHex: key.publicKeyHex });
    for (const entry of manifest.files) {
      expect(entry.sha256, entry.path).toBe(sha256Of(files.get(entry.path)!));
      expect(entry.size, entry.path).toBe(files.get(entry.path)!.length);
    }
    expect(JSON.parse(files.get(CORE_PATHS.auditChain)!.toString())).toMatchObject({ ok: true, checked: expect.any(Number) });
    const inventory = JSON.parse(files.get(CORE_PATHS.inventoryJson)!.toString());
    expect(inventory.identities.length).toBeGreaterThan(10);
    expect(JSON.parse(files.get(CORE_PATHS.findingsJson)!.toString()).findings.length).toBeGreaterThan(0);
  });

  it("carries the compliance report and the evidence of every activated campaign by default (extra-parts.ts), signed like the rest", async () => {
    const analyst: Caller = { ...auditor, email: "ana@acme.example", role: "analyst" };
    const { createCampaign, activateCampaign } = await import("@/lib/campaigns/campaign-lifecycle");
    const draft = await createCampaign(analyst, { name: "Draft only", securityQueue: "sec@acme.example", dueAt: "2099-01-31", defaultAction: "keep" });
    const active = await createCampaign(analyst, { name: "Quarterly", securityQueue: "sec@acme.example", dueAt: "2099-01-31", defaultAction: "keep" });
    await activateCampaign(analyst, active.id);
    const withCampaigns = await buildEvidencePack(auditor);
    const files = await unzip(withCampaigns.zip);
    const campaignFiles = [...files.keys()].filter((name) => name.startsWith("campaigns/"));
    expect(campaignFiles.length).toBeGreaterThan(0);
    expect(campaignFiles.every((name) => name.startsWith(`campaigns/${active.id}/`))).toBe(true);
    expect(campaignFiles.some((name) => name.includes(draft.id))).toBe(false);
    for (const name of ["compliance-report.json", "compliance-report.csv", "compliance-report.pdf"]) expect(files.has(`compliance/${name}`), name).toBe(true);
    expect(files.get("compliance/compliance-report.pdf")!.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await verifyEvidencePack(withCampaigns.zip)).ok).toBe(true);
  });

  it("records evidence.exported with the manifest's SHA-256", async () => {
    const events = await t.db.auditEvent.findMany({ where: { action: "evidence.exported" } });
    expect(events.map((e) => [e.actorLabel, e.targetId])).toContainEqual([auditor.email, pack.manifestSha256]);
  });

  it("never holds a secret value planted through an import", async () => {
    const files = await unzip(pack.zip);
    for (const [name, bytes] of files) expect(bytes.toString("latin1").includes(CANARY_SECRET), name).toBe(false);
    const inventory = files.get(CORE_PATHS.inventoryJson)!.toString();
    expect(inventory).toContain('"canary-key"'); // the credential is there, by fingerprint only
  });

  it("requires reports:export and refuses unsafe or duplicate part paths, naming the part", async () => {
    await expect(buildEvidencePack(owner)).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const bad of ["../escape.txt", "/etc/passwd", "manifest.json", CORE_PATHS.inventoryJson, "a//b", "dir/./x"]) {
      await expect(buildEvidencePack(auditor, { parts: [() => [{ path: bad, contents: "x" }]] }), bad).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringContaining(`evidence part "${bad}"`),
      });
    }
  });
});

describe("verifyEvidencePack", () => {
  it("accepts the pack as built, with and without the pinned key", async () => {
    const unpinned = await verifyEvidencePack(pack.zip);
    expect(unpinned).toMatchObject({ ok: true, signature: "valid", keyPinned: false, problems: [] });
    expect(unpinned.files.every((f) => f.status === "ok")).toBe(true);
    const pinned = await verifyEvidencePack(pack.zip, { publicKey: deriveEvidenceSigningKey(getInstanceKeys().auditKey).publicKeyPem });
    expect(pinned).toMatchObject({ ok: true, keyPinned: true });
  });

  it("a one-byte change in ANY file fails, naming exactly that file", async () => {
    const names = [...(await unzip(pack.zip)).keys()];
    expect(names.length).toBe(8);
    for (const name of names) {
      const result = await verifyEvidencePack(await tamper(pack.zip, (files) => files.set(name, flipOneByte(files.get(name)!))));
      expect(result.ok, name).toBe(false);
      expect(result.problems, name).toEqual([expect.stringMatching(new RegExp(`^${name.replace(/\./g, "\\.")}: altered`))]);
    }
  });

  it("a manifest rewritten to match an altered file fails the signature", async () => {
    const altered = await tamper(pack.zip, (files) => {
      const forged = Buffer.from(`${files.get(CORE_PATHS.findingsCsv)!.toString()}forged,row\r\n`);
      files.set(CORE_PATHS.findingsCsv, forged);
      const manifest = JSON.parse(files.get(MANIFEST_PATH)!.toString());
      const entry = manifest.files.find((f: { path: string }) => f.path === CORE_PATHS.findingsCsv);
      Object.assign(entry, { sha256: sha256Of(forged), size: forged.length });
      files.set(MANIFEST_PATH, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    });
    const result = await verifyEvidencePack(altered);
    expect(result).toMatchObject({ ok: false, signature: "invalid" });
    expect(result.problems).toEqual([`${MANIFEST_PATH}: altered (its SHA-256 is not the signed one)`]);
  });

  it("reports an added file as unexpected and a removed one as missing", async () => {
    const added = await verifyEvidencePack(await tamper(pack.zip, (files) => files.set("notes/extra.txt", Buffer.from("hi"))));
    expect(added).toMatchObject({ ok: false, signature: "valid", problems: ["notes/extra.txt: unexpected (not in the manifest)"] });
    const removed = await verifyEvidencePack(await tamper(pack.zip, (files) => files.delete(CORE_PATHS.auditChain)));
    expect(removed).toMatchObject({ ok: false, problems: [`${CORE_PATHS.auditChain}: missing`] });
    const unsigned = await verifyEvidencePack(await tamper(pack.zip, (files) => files.delete(SIGNATURE_PATH)));
    expect(unsigned).toMatchObject({ ok: false, signature: "missing", problems: [`${SIGNATURE_PATH}: missing`] });
  });

  it("fails with a wrong pinned key, naming both keys", async () => {
    const other = deriveEvidenceSigningKey(Buffer.alloc(32, 1));
    const result = await verifyEvidencePack(pack.zip, { publicKey: other.publicKeyHex });
    expect(result).toMatchObject({ ok: false, signature: "wrong-key", keyPinned: true });
    expect(result.problems[0]).toContain(`not by the pinned key ${other.publicKeyHex}`);
  });

  it("refuses what is not a ZIP, and a public key that is not Ed25519, with clear errors", async () => {
    await expect(verifyEvidencePack(Buffer.from("just text"))).rejects.toMatchObject({ code: "INVALID_INPUT", field: "zip", message: expect.stringMatching(/^zip: not a readable ZIP file/) });
    await expect(verifyEvidencePack(pack.zip, { publicKey: "not a key" })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "publicKey" });
  });
});
