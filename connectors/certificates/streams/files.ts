import { readFile } from "node:fs/promises";
import { defineStream, SdkError, type Fingerprinter, type KeywardRecordInput } from "../../sdk";
import { certificatesConfigSchema, type CertificatesConfig } from "../config";
import { FILE_CERTIFICATE_TYPE, PRIVATE_KEY_TYPE } from "../external-types";
import { CertificateFileError, readCertificateFile } from "../pem/certificate-file";
import { certificateRecord } from "../records/certificate-record";
import { privateKeyRecord } from "../records/private-key-record";
import { findFiles } from "../scan/file-walk";
import { certificateFileItemSchema, type CertificateFileItem } from "../schemas";
import { parseCertificate, verifies, type ParsedCertificate } from "../x509/certificate-facts";

/** Files read per page: bounds memory (each item holds a file's certificates) and checkpoints progress. */
export const FILES_PAGE_SIZE = 100;

/** The bundle's certificates, first occurrence of each, in file order. */
function bundleCertificates(file: CertificateFileItem): { cert: ParsedCertificate; line: number | undefined }[] {
  const seen = new Set<string>();
  const out: { cert: ParsedCertificate; line: number | undefined }[] = [];
  for (const block of file.blocks) {
    if (block.label !== "CERTIFICATE") continue;
    const cert = parseCertificate(Buffer.from(block.body, "base64"));
    if (seen.has(cert.facts.thumbprint)) continue;
    seen.add(cert.facts.thumbprint);
    out.push({ cert, line: block.line });
  }
  return out;
}

/** Certificates (with the issuer found in the same bundle) and private keys of one file. */
function transformFile(file: CertificateFileItem, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const certs = bundleCertificates(file);
  const records: KeywardRecordInput[] = certs.map(({ cert, line }, position) => {
    const issuer = certs.find((other) => other.cert !== cert && verifies(cert.native, other.cert.native));
    return certificateRecord(cert.facts, {
      externalType: FILE_CERTIFICATE_TYPE,
      location: { source: "file", path: file.path, ...(line !== undefined && file.encoding === "pem" ? { line } : {}) },
      chainPosition: position,
      observedAt: file.observedAt,
      issuerThumbprint: issuer?.cert.facts.thumbprint,
    });
  });
  const keyIds = new Set<string>();
  for (const block of file.blocks) {
    if (!block.label.endsWith("PRIVATE KEY")) continue;
    const record = privateKeyRecord(block, file.path, fingerprint);
    if (record.kind !== "credential" || keyIds.has(record.externalId)) continue;
    keyIds.add(record.externalId);
    records.push(record);
  }
  return records;
}

function readScannedFile(path: string, bytes: Uint8Array) {
  try {
    return readCertificateFile(path, bytes, new Date().toISOString());
  } catch (error) {
    if (!(error instanceof CertificateFileError)) throw error;
    throw new SdkError("invalid_certificate_file", `${path}: ${error.message}`);
  }
}

/**
 * Certificate files under the configured paths (live) or imported PEM/DER files (offline, via
 * the formats). Files without certificates or keys are skipped; a broken one fails the page.
 */
export const filesStream = defineStream<CertificatesConfig, CertificateFileItem>({
  name: "files",
  externalTypes: [FILE_CERTIFICATE_TYPE, PRIVATE_KEY_TYPE],
  item: certificateFileItemSchema,
  config: certificatesConfigSchema,
  async list({ cursor, ctx }) {
    const start = cursor === undefined ? 0 : Number(cursor);
    const files = await findFiles(ctx.config.paths, ctx.config.maxFiles, ctx.signal);
    const page = files.slice(start, start + FILES_PAGE_SIZE);
    const items = [];
    for (const file of page) {
      // Large files are not certificate bundles (a full CA bundle is ~200 KB); skip unread.
      if (file.size > ctx.config.maxFileBytes) continue;
      const item = readScannedFile(file.path, await readFile(file.path));
      if (item) items.push(item);
    }
    const next = start + FILES_PAGE_SIZE;
    return { items, ...(next < files.length ? { nextCursor: String(next) } : {}) };
  },
  transform: (file, { fingerprint }) => transformFile(file, fingerprint),
});
