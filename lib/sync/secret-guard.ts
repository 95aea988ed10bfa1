import "server-only";
import { findSecretLikeStrings, type KeywardRecord } from "@/connectors/sdk";

/*
 * Last line of defence: a record holding a secret-looking string never reaches the database
 * (PRODUCT.md "Metadata only"). The SDK's `findSecretLikeStrings` walks every key and value with
 * several patterns, which costs more than validating the record; a load of a million records
 * cannot afford that for each one. So the serialized staging row (which holds every string of
 * the record, JSON fields with their keys) is first checked with one cheap, deliberately broader
 * test, and only rows it flags get the full SDK scan. The prefilter must stay a superset of the
 * SDK's patterns: secret-guard.test.ts checks that on every shape the SDK documents.
 */

/** The fixed prefixes of the SDK's token patterns (PEM, GitHub, GitLab, Slack), without `\b`. */
const TOKEN_PREFIXES = /-----BEGIN|gh[pousr]_|github_pat_|glpat-|xox[bpas]-/;
/** Shortest run of base64 characters the SDK treats as a possible AWS secret access key. */
const AWS_SECRET_LENGTH = 40;

const isBase64 = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 47;

/**
 * AWS secret access key shape: a run of 40+ base64 characters ([A-Za-z0-9/+]) with both cases
 * (hex digests have one). Any such run covers 40 consecutive positions, so it covers one of
 * every 40th position: only those are looked at, and a run is measured only where one of them
 * lands in it. About 40× fewer character tests than walking the text, which matters because
 * every record is checked.
 */
function hasMixedCaseBase64Run(text: string): boolean {
  const n = text.length;
  let p = AWS_SECRET_LENGTH - 1;
  while (p < n) {
    if (!isBase64(text.charCodeAt(p))) {
      p += AWS_SECRET_LENGTH;
      continue;
    }
    let start = p;
    while (start > 0 && isBase64(text.charCodeAt(start - 1))) start -= 1;
    let end = p + 1;
    while (end < n && isBase64(text.charCodeAt(end))) end += 1;
    if (end - start >= AWS_SECRET_LENGTH) {
      let lower = false;
      let upper = false;
      for (let i = start; i < end && !(lower && upper); i++) {
        const c = text.charCodeAt(i);
        lower ||= c >= 97 && c <= 122;
        upper ||= c >= 65 && c <= 90;
      }
      if (lower && upper) return true;
    }
    // The next run starts after `end`; every window of 40 from there covers end + 40k.
    p = end + AWS_SECRET_LENGTH;
  }
  return false;
}

/** True when `text` may contain something the SDK scan would flag (never false when it would). */
export function mayHoldSecret(text: string): boolean {
  return TOKEN_PREFIXES.test(text) || hasMixedCaseBase64Run(text);
}

/** The record holds a secret-looking string; names the field and the pattern, never the value. */
export class SecretLikeValueError extends Error {
  readonly code = "SECRET_LIKE_VALUE";
  constructor(
    readonly field: string,
    readonly pattern: string,
  ) {
    super(`${field}: looks like a secret value (${pattern}); connectors must fingerprint secrets, not emit them`);
  }
}

/** Throws `SecretLikeValueError` for the first secret-looking string of `record`. */
export function assertNoSecrets(record: KeywardRecord, serialized: string): void {
  if (!mayHoldSecret(serialized)) return;
  const [finding] = findSecretLikeStrings(record);
  if (finding) throw new SecretLikeValueError(finding.path || "(record)", finding.pattern);
}

/**
 * Error text from connector code may echo provider data; it is kept only when it does not look
 * like it holds a secret, and is truncated either way.
 */
export function safeErrorText(error: unknown, max = 300): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
  if (findSecretLikeStrings(text).length > 0) return "(message withheld: it looked like it contained a secret)";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
