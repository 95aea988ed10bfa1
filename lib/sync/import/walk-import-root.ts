import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

/** A file to read, or an entry the walk did not follow and must report. */
export type WalkedEntry =
  { kind: "file"; relPath: string; absPath: string; size: number } | { kind: "skipped"; relPath: string; reason: string };

/** Folders never descended into: VCS metadata, editors' state, dependencies. */
const SKIPPED_NAMES = new Set(["node_modules"]);

const isHidden = (name: string) => name.startsWith(".");

/** True when `target` is `root` or inside it. */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Lists the files under an import root (a file or a directory) in a stable order. Hidden entries
 * and `node_modules` are not import data and are left out; a symlink is followed only when it
 * resolves inside the root (a link to `/etc` must not make `keyward import` read it), and a
 * folder is visited once even when links make cycles. Whatever is not read is returned as
 * `skipped` with the reason, so the report can list it.
 */
export async function walkImportRoot(root: string): Promise<WalkedEntry[]> {
  const rootStat = await fs.stat(root);
  const rootReal = await fs.realpath(root);
  if (rootStat.isFile()) return [{ kind: "file", relPath: path.basename(root), absPath: rootReal, size: rootStat.size }];
  const entries: WalkedEntry[] = [];
  const visited = new Set<string>();

  const visitDir = async (real: string, rel: string): Promise<void> => {
    if (visited.has(real)) return;
    visited.add(real);
    const children = (await fs.readdir(real, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const child of children) {
      if (isHidden(child.name) || SKIPPED_NAMES.has(child.name)) continue;
      const childRel = rel ? `${rel}/${child.name}` : child.name;
      await visitEntry(path.join(real, child.name), childRel);
    }
  };

  const visitEntry = async (abs: string, rel: string): Promise<void> => {
    const link = await fs.lstat(abs);
    let target = abs;
    if (link.isSymbolicLink()) {
      target = await fs.realpath(abs).catch(() => "");
      if (!target) return void entries.push({ kind: "skipped", relPath: rel, reason: "broken symbolic link" });
      if (!isInside(rootReal, target)) {
        return void entries.push({
          kind: "skipped",
          relPath: rel,
          reason: "symbolic link to outside the import root (not followed)",
        });
      }
    }
    const stat = link.isSymbolicLink() ? await fs.stat(target) : link;
    if (stat.isDirectory()) return visitDir(target, rel);
    if (stat.isFile()) return void entries.push({ kind: "file", relPath: rel, absPath: target, size: stat.size });
    entries.push({ kind: "skipped", relPath: rel, reason: "not a regular file" });
  };

  await visitDir(rootReal, "");
  return entries;
}
