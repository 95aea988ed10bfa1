import type { Caller } from "@/lib/auth/session-context";
import { AppError } from "@/lib/errors";
import { MANIFEST_PATH, SIGNATURE_PATH } from "@/lib/evidence/manifest";

/** One file of the evidence pack: a path inside the ZIP and its bytes (a string is UTF-8). */
export type EvidencePart = { path: string; contents: Buffer | string };

/** What a part is built for: the caller (check your own permission) and the pack's instant. */
export type EvidenceContext = { caller: Caller; asOf: Date };

/**
 * How another module contributes files (the compliance report, campaign evidence): a function
 * returning its parts. Register it once in `extra-parts.ts`; every pack then carries its files,
 * hashed and signed like the rest. It must never return a secret value.
 */
export type EvidencePartProvider = (context: EvidenceContext) => Promise<readonly EvidencePart[]> | readonly EvidencePart[];

/** A relative POSIX path of safe characters, no `.`/`..` segment: nothing can escape an unzip folder. */
const SAFE_PATH = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
const RESERVED = new Set([MANIFEST_PATH, SIGNATURE_PATH]);

/** Throws INVALID_INPUT naming the part when a path is unsafe, reserved or used twice. */
export function assertPartPaths(parts: readonly EvidencePart[]): void {
  const seen = new Set<string>();
  for (const part of parts) {
    const fail = (why: string) => {
      throw new AppError("INVALID_INPUT", `evidence part "${part.path}": ${why}`, "parts");
    };
    if (!SAFE_PATH.test(part.path) || part.path.length > 200) {
      fail("path must be relative, at most 200 characters of letters, digits, . _ - and / (no . or .. segments)");
    }
    if (RESERVED.has(part.path)) fail("path is reserved for the pack's own manifest");
    if (seen.has(part.path)) fail("path is used by another part");
    seen.add(part.path);
  }
}
