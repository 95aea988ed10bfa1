import { readPemBlocks } from "../../sdk";

/**
 * The base64 body of the first PEM block, whitespace removed: exactly what the certificates
 * connector fingerprints for a private key file (same reader), so the same key in a state and on
 * disk gets one fingerprint. Text that is not readable PEM is fingerprinted as it is.
 */
export function pemBody(value: string): string {
  try {
    return readPemBlocks(value)[0]?.body || value;
  } catch {
    return value;
  }
}
