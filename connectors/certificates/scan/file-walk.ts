import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { SdkError } from "../../sdk";

/*
 * Lists the files under the configured paths, sorted, so pages (cursor = index) are stable
 * between calls. Links to files are followed (/etc/ssl/certs is mostly links), links to
 * directories are not: a link to `/` or a loop would turn a scan of /etc/ssl into a scan of the
 * disk. A configured path is always followed, since someone chose it. A missing or unreadable configured path throws — the runner
 * records a coverage gap and retires nothing — rather than looking like "no certificates".
 */

/** The scan met more files than `maxFiles`: the stream is not clean (nothing retired). */
export class FileCapReachedError extends SdkError {
  constructor(maxFiles: number) {
    super("cap_reached", `more than ${maxFiles} files under the configured paths; raise maxFiles or narrow the paths`);
  }
}

/** One candidate file and its size. */
export interface FoundFile {
  readonly path: string;
  readonly size: number;
}

async function walk(path: string, out: FoundFile[], maxFiles: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  const info = await stat(path);
  if (info.isFile()) {
    out.push({ path, size: info.size });
    if (out.length > maxFiles) throw new FileCapReachedError(maxFiles);
    return;
  }
  if (!info.isDirectory()) return;
  const entries = await readdir(path, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = join(path, entry.name);
    if (entry.isFile() || entry.isDirectory()) await walk(child, out, maxFiles, signal);
    else if (entry.isSymbolicLink()) await addLinkedFile(child, out, maxFiles);
  }
}

/** A link found inside a directory counts only when it points at a file; a dangling link is skipped. */
async function addLinkedFile(path: string, out: FoundFile[], maxFiles: number): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ELOOP") return undefined;
    throw error;
  });
  if (!info?.isFile()) return;
  out.push({ path, size: info.size });
  if (out.length > maxFiles) throw new FileCapReachedError(maxFiles);
}

/** Every regular file under `roots`, in a stable order, without duplicates. */
export async function findFiles(roots: readonly string[], maxFiles: number, signal: AbortSignal): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const root of roots) await walk(root, found, maxFiles, signal);
  const seen = new Set<string>();
  return found.filter((file) => !seen.has(file.path) && seen.add(file.path));
}
