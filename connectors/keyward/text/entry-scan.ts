import { findSecretLikeStrings } from "../../sdk";

/** Something in a file entry that must not be loaded, and where (as path segments). */
export interface EntryHit {
  readonly path: readonly PropertyKey[];
  readonly reason: string;
}

type WellFormed = { isWellFormed(): boolean };

/*
 * The SDK's scan runs several patterns per string; a file of a million entries cannot afford that
 * for every string. A cheap test that is a superset of the SDK's patterns (their fixed prefixes,
 * or a 40-character base64 run with both cases) picks the few strings worth the full scan.
 */
const TOKEN_PREFIXES = /-----BEGIN|gh[pousr]_|github_pat_|glpat-|xox[bpas]-/;
const LONG_BASE64_RUN = /[A-Za-z0-9/+]{40,}/g;

function mayHoldSecret(text: string): boolean {
  if (TOKEN_PREFIXES.test(text)) return true;
  if (text.length < 40) return false;
  for (const match of text.matchAll(LONG_BASE64_RUN)) if (/[a-z]/.test(match[0]) && /[A-Z]/.test(match[0])) return true;
  return false;
}

/** PostgreSQL text and jsonb cannot hold U+0000 or lone surrogates; say so per field. */
function unstorable(text: string): string | undefined {
  if (text.includes("\0")) return "contains a NUL character, which the database cannot store";
  if (!(text as unknown as WellFormed).isWellFormed()) return "is not valid Unicode (a lone surrogate)";
  return undefined;
}

/**
 * Checks every key and string of an entry before anything is loaded: secret-looking values
 * (the SDK's patterns, the same the loader refuses) and text the database cannot store. Paths are
 * kept as segments so the error names the field in the file's own terms and can hide keys.
 * `skip` names top-level fields meant to hold secrets (a credential's `value`).
 */
export function scanEntry(entry: unknown, options: { skip?: ReadonlySet<string>; valueField?: boolean } = {}): EntryHit[] {
  const hits: EntryHit[] = [];
  const instead = options.valueField ? "; put secret values in a credential's `value`, which is fingerprinted and dropped" : "";
  const check = (text: string, path: PropertyKey[]) => {
    const bad = unstorable(text);
    if (bad) hits.push({ path, reason: bad });
    if (!mayHoldSecret(text)) return;
    for (const { pattern } of findSecretLikeStrings(text, path.map(String).join("."))) {
      hits.push({ path, reason: `looks like a secret (${pattern}); Keyward never stores secret values${instead}` });
    }
  };
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (typeof node === "string") return check(node, path);
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((child, index) => walk(child, [...path, index]));
    for (const [key, child] of Object.entries(node)) {
      if (path.length === 0 && options.skip?.has(key)) continue;
      check(key, [...path, key]);
      walk(child, [...path, key]);
    }
  };
  walk(entry, []);
  return hits;
}
