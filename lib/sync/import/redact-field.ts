import { findSecretLikeStrings } from "@/connectors/sdk";

/** Longest user-chosen key printed as is (same rule as the Keyward formats' messages). */
const MAX_SHOWN_KEY_CHARS = 32;
const NAME_LIKE = /^[A-Za-z_][A-Za-z0-9_\- ]*$/;

function showable(segment: string): boolean {
  if (/^\d+$/.test(segment)) return true;
  if (segment.length > MAX_SHOWN_KEY_CHARS || !NAME_LIKE.test(segment)) return false;
  if (segment.length >= 16 && /\d/.test(segment) && /[A-Za-z]/.test(segment)) return false;
  return findSecretLikeStrings(segment).length === 0;
}

/**
 * A dotted field path from a transform or the loader may contain keys a file chose, and a key can
 * be a pasted secret: print only segments that are plainly names or indexes.
 */
export function redactField(dotted: string | undefined): string | undefined {
  if (dotted === undefined || dotted === "") return undefined;
  return dotted
    .split(".")
    .map((segment) => (showable(segment) ? segment : "<key>"))
    .join(".");
}

/**
 * A file path for reports and run errors. Paths are shown so a person can find the file, but a
 * file may be named after a secret it holds: such segments are replaced (numbered, so two files
 * stay apart). The path on disk is untouched.
 */
export function redactPath(filePath: string, counter: { n: number }): string {
  return filePath
    .split("/")
    .map((segment) => (findSecretLikeStrings(segment).length > 0 ? `<redacted-${++counter.n}>` : segment))
    .join("/");
}
