import { runGit } from "./run-git";

/** A commit that added a blob at a path. */
export interface IntroducingCommit {
  readonly sha: string;
  readonly path: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authoredAt: string;
}

const FORMAT = "--format=%x01%H%x00%an%x00%ae%x00%aI";

/** Parses `git log --raw --no-abbrev` output, keeping the entries whose new side is one of `oids`. */
function parseRawLog(out: string, oids: ReadonlySet<string>, into: Map<string, IntroducingCommit[]>): void {
  for (const entry of out.split("\u0001").slice(1)) {
    const [header = "", ...lines] = entry.split("\n");
    const [sha = "", authorName = "", authorEmail = "", authoredAt = ""] = header.split("\u0000");
    for (const line of lines) {
      // ":<old mode> <new mode> <old oid> <new oid> <status>\t<path>"
      const tab = line.indexOf("\t");
      if (!line.startsWith(":") || tab === -1) continue;
      const oid = line.slice(1, tab).split(" ")[3];
      if (oid === undefined || !oids.has(oid)) continue;
      const commit = { sha, path: line.slice(tab + 1), authorName, authorEmail, authoredAt };
      const known = into.get(oid) ?? [];
      // With -m a merge is diffed against each parent, so it may add the same blob twice.
      if (!known.some((k) => k.sha === sha && k.path === commit.path)) into.set(oid, [...known, commit]);
    }
  }
}

/**
 * The commits (on any ref) that added each of `oids`, with the path and the author. One pass of
 * `git log --raw` over the whole history, whatever the number of blobs (a `--find-object` walk per
 * blob costs a full history walk each). Merges show no diff in that pass, so a blob first written
 * by a merge (a conflict resolution) is looked up again with `-m`, which diffs merges too.
 */
export function findIntroducingCommits(gitDir: string, oids: ReadonlySet<string>): Map<string, IntroducingCommit[]> {
  const found = new Map<string, IntroducingCommit[]>();
  if (oids.size === 0) return found;
  parseRawLog(runGit(["log", "--all", "--no-renames", "--raw", "--no-abbrev", FORMAT], { gitDir }).toString("utf8"), oids, found);
  for (const oid of oids) {
    if (found.has(oid)) continue;
    const out = runGit(["log", "--all", "-m", "--no-renames", "--raw", "--no-abbrev", FORMAT, `--find-object=${oid}`], {
      gitDir,
    }).toString("utf8");
    parseRawLog(out, new Set([oid]), found);
  }
  return found;
}

/** Blob ids of the tree at HEAD, with their paths: what is still in the working tree. */
export function headBlobs(gitDir: string): Map<string, string[]> {
  const blobs = new Map<string, string[]>();
  // An empty repository has no HEAD commit, and so nothing in its tree (nor anywhere else).
  const head = runGit(["for-each-ref", "--count=1", "--format=%(objectname)"], { gitDir }).toString("utf8").trim();
  if (head === "") return blobs;
  const out = runGit(["ls-tree", "-r", "-z", "HEAD"], { gitDir }).toString("utf8");
  for (const entry of out.split("\u0000")) {
    // "<mode> blob <oid>\t<path>"
    const tab = entry.indexOf("\t");
    const [, type, oid] = entry.slice(0, tab).split(" ");
    if (type === "blob" && oid) blobs.set(oid, [...(blobs.get(oid) ?? []), entry.slice(tab + 1)]);
  }
  return blobs;
}
