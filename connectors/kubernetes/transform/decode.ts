/*
 * Secret `data` values are base64. A value is fingerprinted as the text it encodes, so the same
 * password stored here and elsewhere (a CI variable, a vault) fingerprints alike; bytes that are
 * not UTF-8 text (a keystore) are fingerprinted as their base64 text instead, which stays stable.
 */

export function decodeSecretValue(base64: string): string {
  const bytes = Buffer.from(base64, "base64");
  const text = bytes.toString("utf8");
  return Buffer.from(text, "utf8").equals(bytes) ? text : base64;
}
