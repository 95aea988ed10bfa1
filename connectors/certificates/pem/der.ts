import { X509Certificate } from "node:crypto";

/*
 * DER files have no marker, so a file is a DER certificate when its bytes ARE one: a single
 * ASN.1 SEQUENCE whose length covers the file exactly, which X.509 parsing then accepts. The
 * framing test comes first so that unrelated binary files cost almost nothing.
 */

/** Longest DER length prefix accepted (4 bytes = 4 GiB, far beyond any certificate). */
const MAX_LENGTH_OCTETS = 4;
const SEQUENCE_TAG = 0x30;

function derFramingCoversFile(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== SEQUENCE_TAG) return false;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first === bytes.length;
  const octets = first & 0x7f;
  if (octets === 0 || octets > MAX_LENGTH_OCTETS || bytes.length < 2 + octets) return false;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + octets + length === bytes.length;
}

/** True when `bytes` is exactly one DER-encoded X.509 certificate. Never throws. */
export function isDerCertificate(bytes: Uint8Array): boolean {
  if (!derFramingCoversFile(bytes)) return false;
  try {
    new X509Certificate(bytes);
    return true;
  } catch {
    return false;
  }
}
