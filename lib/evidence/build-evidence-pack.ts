import "server-only";
import JSZip from "jszip";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildCoreParts } from "@/lib/evidence/core-parts";
import { assertPartPaths, type EvidencePart, type EvidencePartProvider } from "@/lib/evidence/evidence-part";
import { EXTRA_EVIDENCE_PARTS } from "@/lib/evidence/extra-parts";
import {
  MANIFEST_PATH,
  PACK_FORMAT,
  serialiseManifest,
  sha256Of,
  SIGNATURE_PATH,
  signManifest,
  type EvidenceManifest,
} from "@/lib/evidence/manifest";
import { deriveEvidenceSigningKey } from "@/lib/evidence/signing-key";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";

export type BuildEvidencePackOptions = {
  /** The instant the inventory and findings describe; default now (findings as recorded). */
  asOf?: Date;
  /** Files of other modules; default the registered ones (extra-parts.ts). */
  parts?: readonly EvidencePartProvider[];
  /** The instance's audit key (chain verification and the derived signing key); default the instance's. */
  auditKey?: Buffer;
};

export type EvidencePack = { zip: Buffer; manifest: EvidenceManifest; manifestSha256: string; fileName: string };

/**
 * One ZIP an auditor can check on their own: the inventory export (JSON + CSV), findings (JSON +
 * CSV), the audit-chain verification, every registered extra part, and manifest.json (SHA-256 and
 * size of each file) signed in manifest.sig with the instance's Ed25519 key (docs/evidence.md).
 *
 * The export is recorded as `evidence.exported` (with the manifest's SHA-256) after the files are
 * read and before the pack is handed out: not in the reading transaction, because that is a
 * repeatable-read snapshot and an audit append there would link to a stale chain head. If the
 * audit write fails, no pack leaves (fail closed).
 */
export async function buildEvidencePack(caller: Caller, options: BuildEvidencePackOptions = {}): Promise<EvidencePack> {
  requirePermission(caller, "reports:export");
  const generatedAt = new Date();
  const asOf = options.asOf ?? generatedAt;
  if (Number.isNaN(asOf.getTime())) throw new AppError("INVALID_INPUT", "asOf: not a valid instant", "asOf");
  if (asOf > generatedAt) throw new AppError("INVALID_INPUT", "asOf: must not be in the future", "asOf");
  const auditKey = options.auditKey ?? getInstanceKeys().auditKey;

  const files: EvidencePart[] = await buildCoreParts(caller, asOf, options.asOf !== undefined, auditKey);
  for (const provider of options.parts ?? EXTRA_EVIDENCE_PARTS) files.push(...(await provider({ caller, asOf })));
  assertPartPaths(files);

  const key = deriveEvidenceSigningKey(auditKey);
  const manifest: EvidenceManifest = {
    format: PACK_FORMAT,
    generatedAt: generatedAt.toISOString(),
    asOf: asOf.toISOString(),
    instanceId: key.instanceId,
    generatedBy: caller.email,
    signature: { algorithm: "Ed25519", publicKeyPem: key.publicKeyPem, publicKeyHex: key.publicKeyHex },
    files: files.map((file) => ({ path: file.path, sha256: sha256Of(file.contents), size: Buffer.byteLength(file.contents) })),
  };
  const manifestBytes = serialiseManifest(manifest);
  const manifestSha256 = sha256Of(manifestBytes);

  const zip = new JSZip();
  // A fixed entry date: the ZIP's bytes then depend only on its contents and generatedAt.
  const entry = { date: generatedAt, createFolders: false };
  for (const file of files) zip.file(file.path, file.contents, entry);
  zip.file(MANIFEST_PATH, manifestBytes, entry);
  zip.file(SIGNATURE_PATH, signManifest(manifestBytes, key.privateKey), entry);
  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });

  await getDb().$transaction((tx) =>
    appendAuditEvents(
      tx,
      [
        {
          actor: callerAsActor(caller),
          action: "evidence.exported",
          target: { type: "evidence_pack", id: manifestSha256 },
          summary: { asOf: manifest.asOf, files: files.length, bytes: buffer.length, instanceId: key.instanceId },
        },
      ],
      auditKey,
    ),
  );
  const fileName = `keyward-evidence-${manifest.generatedAt.replace(/[:.]/g, "-")}.zip`;
  return { zip: buffer, manifest, manifestSha256, fileName };
}
