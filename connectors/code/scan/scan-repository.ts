import { findIntroducingCommits, headBlobs, type IntroducingCommit } from "../git/blob-history";
import { listBlobs, type BlobEntry } from "../git/list-blobs";
import { readBlobs } from "../git/read-blobs";
import { runGit } from "../git/run-git";
import type { CodeItem, RepositoryItem, SecretItem, SecretLocation } from "../schemas";
import { codeownersOf, readCodeowners } from "./owners-of-secrets";
import { SECRET_RULES } from "./rules";
import { scanText, type TextHit } from "./scan-text";

/** Default size cap: bigger blobs are generated or vendored data, slow to scan and rarely hand-written config. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Locations kept per secret value (a value copied into every version of a busy file would list thousands). */
export const MAX_LOCATIONS_PER_SECRET = 100;
/** Oversized files listed by path on the repository record; beyond this only the count is kept. */
const MAX_SKIPPED_LISTED = 100;

export interface ScanOptions {
  /** Stable id of the repository (URL without user-info, or path). */
  readonly repository: string;
  readonly name: string;
  readonly maxFileBytes?: number;
}

const RULE_BY_ID = new Map(SECRET_RULES.map((rule) => [rule.id, rule]));

function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

interface BlobHits {
  readonly blob: BlobEntry;
  readonly hits: readonly TextHit[];
}

function scanBlobs(gitDir: string, blobs: readonly BlobEntry[], maxFileBytes: number) {
  const found: BlobHits[] = [];
  const large: BlobEntry[] = [];
  let binary = 0;
  const small = blobs.filter((blob) => (blob.size > maxFileBytes ? (large.push(blob), false) : true));
  readBlobs(gitDir, small, (blob, content) => {
    if (isBinary(content)) binary += 1;
    else {
      const hits = scanText(content.toString("utf8"), blob.path);
      if (hits.length > 0) found.push({ blob, hits });
    }
  });
  return { found, large, binary, scanned: small.length - binary };
}

function byAge(a: SecretLocation, b: SecretLocation): number {
  // git prints the author's own offset (%aI), so compare instants, not strings.
  return (
    Date.parse(a.authoredAt) - Date.parse(b.authoredAt) ||
    a.commit.localeCompare(b.commit) ||
    a.path.localeCompare(b.path) ||
    a.line - b.line
  );
}

function secretItems(
  repository: string,
  found: readonly BlobHits[],
  commitsByBlob: ReadonlyMap<string, IntroducingCommit[]>,
  inHead: Set<string>,
): SecretItem[] {
  const byValue = new Map<string, { hit: TextHit; locations: SecretLocation[] }>();
  for (const { blob, hits } of found) {
    const commits = commitsByBlob.get(blob.oid) ?? [];
    for (const hit of hits) {
      const key = `${hit.ruleId}\u0000${hit.value}`;
      const entry = byValue.get(key) ?? { hit, locations: [] };
      byValue.set(key, entry);
      for (const c of commits) {
        const { sha: commit, path, authorName, authorEmail, authoredAt } = c;
        entry.locations.push({
          path,
          line: hit.line,
          commit,
          authorName,
          authorEmail,
          authoredAt,
          historyOnly: !inHead.has(blob.oid),
        });
      }
    }
  }
  const items: SecretItem[] = [];
  for (const { hit, locations } of byValue.values()) {
    if (locations.length === 0) continue; // a blob no commit adds (only reachable from a tag object): nowhere to point at
    const rule = RULE_BY_ID.get(hit.ruleId)!;
    const sorted = locations.sort(byAge);
    items.push({
      kind: "secret",
      repository,
      ruleId: rule.id,
      title: rule.title,
      credentialType: rule.credentialType,
      value: hit.value,
      ...(hit.accessKeyId ? { accessKeyId: hit.accessKeyId } : {}),
      locations: sorted.slice(0, MAX_LOCATIONS_PER_SECRET),
      locationsTruncated: sorted.length > MAX_LOCATIONS_PER_SECRET,
    });
  }
  return items;
}

/**
 * Scans every unique blob of the repository's whole history once, then, only for blobs with hits,
 * finds the commits that added them, whether they are still in HEAD, and HEAD's CODEOWNERS rules
 * for their paths. Returns the repository item first, then one item per distinct secret value.
 */
export function scanRepository(gitDir: string, options: ScanOptions): CodeItem[] {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const head = headBlobs(gitDir);
  const { found, large, binary, scanned } = scanBlobs(gitDir, listBlobs(gitDir), maxFileBytes);
  const inHead = new Set(head.keys());
  const headPaths = new Set([...head.values()].flat());
  const commitsByBlob = findIntroducingCommits(gitDir, new Set(found.map((f) => f.blob.oid)));
  const codeowners = found.length > 0 ? readCodeowners(gitDir, head) : undefined;
  const secrets = secretItems(options.repository, found, commitsByBlob, inHead).map((secret) => {
    const rules = codeownersOf(secret, codeowners);
    return rules.length > 0 ? { ...secret, codeowners: rules } : secret;
  });
  const paths = [...new Set(secrets.flatMap((s) => s.locations.map((l) => l.path)))].sort();
  const headCommit = head.size > 0 ? runGit(["rev-parse", "HEAD"], { gitDir }).toString("utf8").trim() : undefined;
  const repository: RepositoryItem = {
    kind: "repository",
    repository: options.repository,
    name: options.name,
    ...(headCommit ? { headCommit } : {}),
    blobsScanned: scanned,
    binaryBlobsSkipped: binary,
    largeBlobsSkipped: large
      .map((b) => ({ path: b.path, size: b.size }))
      .sort((a, b) => a.path.localeCompare(b.path))
      .slice(0, MAX_SKIPPED_LISTED),
    largeBlobsSkippedCount: large.length,
    maxFileBytes,
    files: paths.map((path) => ({ path, inHead: headPaths.has(path) })),
  };
  return [repository, ...secrets];
}
