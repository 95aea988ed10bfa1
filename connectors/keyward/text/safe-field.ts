import { findSecretLikeStrings } from "../../sdk";

/*
 * Error messages name the field that is wrong, and field paths may contain keys the file chose
 * (`attributes.<key>`, a CSV column). A key can itself be a pasted secret, so a user-chosen key
 * is shown only when it is short and plainly a name; anything else is printed as `<key>`.
 */

/** Longest user-chosen key shown verbatim in an error message. */
export const MAX_SHOWN_KEY_CHARS = 32;

/** Keys at least this long that mix letters and digits look like tokens, not names. */
const TOKEN_LIKE_MIN_CHARS = 16;

const NAME_LIKE = /^[A-Za-z_][A-Za-z0-9_.\- ]*$/;

/** True when `key` can be printed without risking a secret in the output. */
export function isShowableKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_SHOWN_KEY_CHARS || !NAME_LIKE.test(key)) return false;
  if (key.length >= TOKEN_LIKE_MIN_CHARS && /\d/.test(key) && /[A-Za-z]/.test(key)) return false;
  return findSecretLikeStrings(key).length === 0;
}

/** One path segment as it may appear in a message. */
export function safeSegment(segment: PropertyKey): string {
  if (typeof segment === "number") return String(segment);
  const text = String(segment);
  return isShowableKey(text) ? text : "<key>";
}

/** A dotted field path (`credentials.3.locations.0.path`) safe to print. */
export function safeFieldPath(path: readonly PropertyKey[]): string {
  return path.map(safeSegment).join(".");
}
