import JSZip from "jszip";
import type { KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";
import {
  MANIFEST_PATH,
  manifestSchema,
  parseSignatureFile,
  sha256Of,
  SIGNATURE_PATH,
  signatureVerifies,
  type EvidenceManifest,
  type SignatureFile,
} from "@/lib/evidence/manifest";
import { parseEvidencePublicKey } from "@/lib/evidence/signing-key";

/*
 * Checks an evidence pack offline: no database, no instance key. Needs only the ZIP and, to know
 * WHO signed it, the instance's public key pinned out of band (`keyward evidence --public-key`).
 * Without a pinned key the manifest's own key is used, which proves integrity but not origin.
 */

export type FileStatus = "ok" | "altered" | "missing" | "unexpected" | "unverified";
export type FileCheck = { path: string; status: FileStatus; reason?: string };

export type EvidenceVerification = {
  ok: boolean;
  /** `wrong-key`: signed, but not by the pinned key. */
  signature: "valid" | "invalid" | "wrong-key" | "missing";
  keyPinned: boolean;
  /** Hex of the key the signature was checked with (pinned, else the manifest's). */
  publicKeyHex: string | null;
  manifest: Pick<EvidenceManifest, "generatedAt" | "asOf" | "instanceId" | "generatedBy"> | null;
  /** Every file: the manifest's, the signature and any extra file in the ZIP. */
  files: FileCheck[];
  /** One line per problem, each naming its file. */
  problems: string[];
};

export type VerifyEvidenceOptions = {
  /** The instance's public key as PEM or 64 hex digits, pinned out of band. */
  publicKey?: string;
};

async function readEntries(zipBytes: Buffer): Promise<Map<string, Buffer | Error>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(zipBytes);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `zip: not a readable ZIP file (${(error as Error).message})`, "zip");
  }
  const entries = new Map<string, Buffer | Error>();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    // A damaged entry is that file's problem, not the whole pack's: report it by name.
    entries.set(file.name, await file.async("nodebuffer").catch((error: Error) => error));
  }
  return entries;
}

function parseManifest(bytes: Buffer): EvidenceManifest | undefined {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(bytes.toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function embeddedKey(manifest: EvidenceManifest | undefined): { publicKey: KeyObject; publicKeyHex: string } | undefined {
  if (!manifest) return undefined;
  try {
    const key = parseEvidencePublicKey(manifest.signature.publicKeyPem);
    return key.publicKeyHex === manifest.signature.publicKeyHex ? key : undefined;
  } catch {
    return undefined;
  }
}

type SignatureVerdict = {
  signature: EvidenceVerification["signature"];
  manifestAltered: boolean;
  /** The signature verified over its recorded digest: manifest.sig itself is intact. */
  signatureFileIntact?: boolean;
  problems: FileCheck[];
};

/** Decides which of manifest.json and manifest.sig was altered (see manifest.ts for why it can). */
function judgeSignature(
  manifestBytes: Buffer,
  manifest: EvidenceManifest | undefined,
  sigBytes: Buffer | Error | undefined,
  key: { publicKey: KeyObject; publicKeyHex: string } | undefined,
  pinnedMismatch: boolean,
): SignatureVerdict {
  const altered = (path: string, reason: string): FileCheck => ({ path, status: "altered", reason });
  if (sigBytes === undefined) return { signature: "missing", manifestAltered: false, problems: [{ path: SIGNATURE_PATH, status: "missing" }] };
  const sig: SignatureFile | undefined = sigBytes instanceof Error ? undefined : parseSignatureFile(sigBytes);
  if (!sig) return { signature: "invalid", manifestAltered: false, problems: [altered(SIGNATURE_PATH, "not a signature file Keyward wrote")] };
  if (!key) return { signature: "invalid", manifestAltered: true, problems: [altered(MANIFEST_PATH, "not a readable manifest")] };
  const actualSha = sha256Of(manifestBytes);
  if (signatureVerifies(sig.manifestSha256, sig, key.publicKey)) {
    return sig.manifestSha256 === actualSha
      ? { signature: "valid", manifestAltered: false, signatureFileIntact: true, problems: [] }
      : { signature: "invalid", manifestAltered: true, signatureFileIntact: true, problems: [altered(MANIFEST_PATH, "its SHA-256 is not the signed one")] };
  }
  if (signatureVerifies(actualSha, sig, key.publicKey)) {
    return { signature: "invalid", manifestAltered: false, problems: [altered(SIGNATURE_PATH, "its recorded digest was changed")] };
  }
  if (pinnedMismatch) return { signature: "wrong-key", manifestAltered: false, problems: [] };
  if (sig.manifestSha256 !== actualSha || !manifest) {
    return { signature: "invalid", manifestAltered: true, problems: [altered(MANIFEST_PATH, "the signature does not verify")] };
  }
  return { signature: "invalid", manifestAltered: false, problems: [altered(SIGNATURE_PATH, "the signature does not verify")] };
}

function checkFiles(manifest: EvidenceManifest, entries: Map<string, Buffer | Error>): FileCheck[] {
  const listed = new Set(manifest.files.map((f) => f.path));
  const checks: FileCheck[] = manifest.files.map(({ path, sha256, size }) => {
    const bytes = entries.get(path);
    if (bytes === undefined) return { path, status: "missing" };
    if (bytes instanceof Error) return { path, status: "altered", reason: `unreadable in the ZIP (${bytes.message})` };
    if (bytes.length !== size) return { path, status: "altered", reason: `size ${bytes.length} bytes, manifest says ${size}` };
    return sha256Of(bytes) === sha256 ? { path, status: "ok" } : { path, status: "altered", reason: "SHA-256 differs from the manifest" };
  });
  for (const path of entries.keys()) {
    if (!listed.has(path) && path !== MANIFEST_PATH && path !== SIGNATURE_PATH) checks.push({ path, status: "unexpected", reason: "not in the manifest" });
  }
  return checks;
}

function problemLine(check: FileCheck): string {
  return `${check.path}: ${check.status}${check.reason ? ` (${check.reason})` : ""}`;
}

/** Verifies a pack: every file against the manifest, the manifest against its signature. */
export async function verifyEvidencePack(zipBytes: Buffer, options: VerifyEvidenceOptions = {}): Promise<EvidenceVerification> {
  const pinned = options.publicKey === undefined ? undefined : parseEvidencePublicKey(options.publicKey);
  const entries = await readEntries(zipBytes);
  const manifestBytes = entries.get(MANIFEST_PATH);
  if (!Buffer.isBuffer(manifestBytes)) {
    const files: FileCheck[] = [{ path: MANIFEST_PATH, status: manifestBytes ? "altered" : "missing" }];
    for (const path of entries.keys()) if (path !== MANIFEST_PATH) files.push({ path, status: "unverified" });
    return { ok: false, signature: "missing", keyPinned: pinned !== undefined, publicKeyHex: pinned?.publicKeyHex ?? null, manifest: null, files, problems: [problemLine(files[0]!)] };
  }
  const manifest = parseManifest(manifestBytes);
  const embedded = embeddedKey(manifest);
  const pinnedMismatch = pinned !== undefined && embedded !== undefined && pinned.publicKeyHex !== embedded.publicKeyHex;
  const key = pinned ?? embedded;
  const verdict = judgeSignature(manifestBytes, manifest, entries.get(SIGNATURE_PATH), key, pinnedMismatch);

  const files: FileCheck[] = [...verdict.problems];
  const named = new Set(files.map((f) => f.path));
  const intact = { [MANIFEST_PATH]: verdict.signature === "valid", [SIGNATURE_PATH]: verdict.signatureFileIntact === true };
  for (const path of [MANIFEST_PATH, SIGNATURE_PATH] as const) {
    if (!named.has(path) && entries.has(path)) files.push({ path, status: intact[path] ? "ok" : "unverified" });
  }
  if (manifest && !verdict.manifestAltered) files.push(...checkFiles(manifest, entries));
  else for (const path of entries.keys()) if (!named.has(path) && path !== SIGNATURE_PATH && path !== MANIFEST_PATH) files.push({ path, status: "unverified" });

  const problems = files.filter((f) => f.status !== "ok" && f.status !== "unverified").map(problemLine);
  if (verdict.signature === "wrong-key") {
    problems.unshift(`${SIGNATURE_PATH}: signed by key ${embedded!.publicKeyHex}, not by the pinned key ${pinned!.publicKeyHex}`);
  }
  const ok = verdict.signature === "valid" && problems.length === 0;
  const summary = manifest && { generatedAt: manifest.generatedAt, asOf: manifest.asOf, instanceId: manifest.instanceId, generatedBy: manifest.generatedBy };
  return { ok, signature: verdict.signature, keyPinned: pinned !== undefined, publicKeyHex: key?.publicKeyHex ?? null, manifest: summary ?? null, files, problems };
}
