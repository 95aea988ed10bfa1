import { runGit } from "./run-git";

/** A unique blob of the history, with one path it had (the first `rev-list` met). */
export interface BlobEntry {
  readonly oid: string;
  readonly path: string;
  readonly size: number;
}

/** Every unique blob reachable from any ref, with a path; trees, commits and tags left out. */
export function listBlobs(gitDir: string): BlobEntry[] {
  // `--objects --all` prints "<oid> <path>" for blobs and trees; `--batch-check` then gives type and size.
  const objects = runGit(["rev-list", "--objects", "--all"], { gitDir }).toString("utf8").split("\n");
  const pathByOid = new Map<string, string>();
  for (const line of objects) {
    const space = line.indexOf(" ");
    if (space === -1) continue; // commits (no path), and the root tree ("<oid> ")
    const oid = line.slice(0, space);
    const path = line.slice(space + 1);
    if (path !== "" && !pathByOid.has(oid)) pathByOid.set(oid, path);
  }
  const oids = [...pathByOid.keys()];
  if (oids.length === 0) return [];
  const checks = runGit(["cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)"], {
    gitDir,
    input: oids.join("\n") + "\n",
  });
  const blobs: BlobEntry[] = [];
  for (const line of checks.toString("utf8").split("\n")) {
    const [oid, type, size] = line.split(" ");
    if (type === "blob" && oid) blobs.push({ oid, path: pathByOid.get(oid)!, size: Number(size) });
  }
  return blobs;
}
