import { X509Certificate } from "node:crypto";
import type { CertificateFileItemInput } from "../schemas";
import { isDerCertificate } from "./der";
import { PEM_MARKER, readPemBlocks } from "../../sdk";

/*
 * Turns a file's bytes into a `files` stream item. Shared by the live directory scan and the
 * offline PEM/DER formats, so a file imported from a laptop and the same file scanned on a
 * server give the same records.
 */

/** A file that looks like a certificate file but is broken; `line` points at the block. */
export class CertificateFileError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(line === undefined ? reason : `line ${line}: ${reason}`);
    this.name = "CertificateFileError";
  }
}

/** Block labels the connector inventories; public keys, CSRs and CRLs are not credentials. */
export function isInventoriedLabel(label: string): boolean {
  return label === "CERTIFICATE" || label.endsWith("PRIVATE KEY");
}

function checkCertificateBlock(body: string, line: number): void {
  try {
    new X509Certificate(Buffer.from(body, "base64"));
  } catch {
    // The reason names the block, never its content.
    throw new CertificateFileError(line, "CERTIFICATE block is not a valid X.509 certificate");
  }
}

/** True when text content holds PEM certificates or private keys. */
export function hasPemContent(text: string): boolean {
  return PEM_MARKER.test(text);
}

/**
 * Reads a certificate file. Returns null when it holds neither a certificate nor a private key;
 * throws `CertificateFileError` when it does but a block is broken (nothing of it is loaded).
 */
export function readCertificateFile(path: string, bytes: Uint8Array, observedAt: string): CertificateFileItemInput | null {
  if (isDerCertificate(bytes)) {
    const body = Buffer.from(bytes).toString("base64");
    return { path, encoding: "der", observedAt, blocks: [{ label: "CERTIFICATE", body, line: 1, encrypted: false }] };
  }
  const text = Buffer.from(bytes).toString("utf8");
  if (!hasPemContent(text)) return null;
  let blocks;
  try {
    blocks = readPemBlocks(text).filter((block) => isInventoriedLabel(block.label));
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    throw new CertificateFileError(line, reason ?? "malformed PEM");
  }
  for (const block of blocks) if (block.label === "CERTIFICATE") checkCertificateBlock(block.body, block.line);
  return blocks.length === 0 ? null : { path, encoding: "pem", observedAt, blocks: blocks.map((b) => ({ ...b })) };
}
