/*
 * Heuristic detector for secret-looking strings in emitted records. It backs up, and never
 * replaces, the precise canary check of the harness: canaries prove a specific planted value
 * did not leak; these patterns catch real-world shapes a fixture author did not think to plant.
 * lib/sync can run it on records too, as a last line of defence before loading.
 */

/** A string that looks like a secret, and where it was found. */
export interface SecretLikeFinding {
  /** Dotted path of the field, e.g. `attributes.env.AWS_SECRET_ACCESS_KEY`. */
  readonly path: string;
  /** Which pattern matched (never the matched text). */
  readonly pattern: string;
}

/** Token shapes with a recognisable prefix; lengths follow each vendor's documented format. */
const TOKEN_PATTERNS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ["private-key-pem", /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/],
  ["github-token", /\bgh[pousr]_[A-Za-z0-9]{20,}/],
  ["github-fine-grained-pat", /\bgithub_pat_[A-Za-z0-9_]{20,}/],
  ["gitlab-token", /\bglpat-[A-Za-z0-9_-]{20,}/],
  ["slack-token", /\bxox[bpas]-[A-Za-z0-9-]{10,}/],
];

/** 40 base64 characters standing alone: the shape of an AWS secret access key. */
const AWS_SECRET_SHAPE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/g;
/** Words that, next to that shape, make it a secret rather than a hash or an id. */
const SECRET_WORDS = /secret|aws|key|password|token|credential/i;
/** How far before the candidate a keyword may appear in the same string. */
const KEYWORD_WINDOW = 40;

function looksLikeAwsSecret(value: string, path: string): boolean {
  for (const match of value.matchAll(AWS_SECRET_SHAPE)) {
    const candidate = match[0];
    // Hex digests (SHA-1 thumbprints, GCP key ids, git commits) have the length but one case.
    if (!/[a-z]/.test(candidate) || !/[A-Z]/.test(candidate)) continue;
    const before = value.slice(Math.max(0, match.index - KEYWORD_WINDOW), match.index);
    if (SECRET_WORDS.test(before) || SECRET_WORDS.test(path)) return true;
  }
  return false;
}

function scanString(value: string, path: string, out: SecretLikeFinding[]): void {
  for (const [name, pattern] of TOKEN_PATTERNS) {
    if (pattern.test(value)) out.push({ path, pattern: name });
  }
  if (looksLikeAwsSecret(value, path)) out.push({ path, pattern: "aws-secret-access-key" });
}

/** Walks any JSON-like value and reports every string (keys included) that looks like a secret. */
export function findSecretLikeStrings(value: unknown, path = ""): SecretLikeFinding[] {
  const out: SecretLikeFinding[] = [];
  const walk = (node: unknown, at: string): void => {
    if (typeof node === "string") return scanString(node, at, out);
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, at ? `${at}.${i}` : String(i)));
    for (const [key, child] of Object.entries(node)) {
      const childPath = at ? `${at}.${key}` : key;
      scanString(key, childPath, out);
      walk(child, childPath);
    }
  };
  walk(value, path);
  return out;
}
