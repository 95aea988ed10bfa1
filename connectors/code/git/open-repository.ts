import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { GitError, runGitAsync, runGitText } from "./run-git";

/** A repository's git directory, and how to clean up the temporary clone if one was made. */
export interface OpenedRepository {
  readonly gitDir: string;
  close(): void;
}

/** Longest a `git clone --mirror` may take before the scan gives up. */
const CLONE_TIMEOUT_MS = 15 * 60 * 1000;

/** Only these clone URLs: `ext::`, `file://` and friends could run commands or read the server's disk. */
const CLONE_URL = /^(?:https|ssh):\/\//i;
const INSECURE_CLONE_URL = /^http:\/\//i;

export interface CloneOptions {
  /** Allow plain `http://` (as the guarded HTTP client's `allowInsecureHttp`): for a test server or an internal mirror. */
  readonly allowInsecureHttp?: boolean;
}

export function isCloneUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

/** Throws when a URL is of a refused scheme or carries user-info (a credential must not sit in the config's location). */
export function assertCloneUrl(location: string, options: CloneOptions = {}): URL {
  const allowed = CLONE_URL.test(location) || (options.allowInsecureHttp === true && INSECURE_CLONE_URL.test(location));
  if (!allowed)
    throw new GitError("repository: only https:// and ssh:// clone URLs are allowed (http:// with allowInsecureHttp)");
  const url = new URL(location);
  if (url.password || (url.username && url.protocol === "https:"))
    throw new GitError("repository: the URL must not carry user-info");
  return url;
}

function cloneMirror(source: string): OpenedRepository {
  const dir = mkdtempSync(join(tmpdir(), "keyward-code-"));
  const close = () => rmSync(dir, { recursive: true, force: true });
  try {
    // No redirects: the host was checked before cloning, a redirect would lead git somewhere unchecked.
    runGitText(["-c", "http.followRedirects=false", "clone", "--quiet", "--mirror", "--", source, join(dir, "repo.git")], {
      timeoutMs: CLONE_TIMEOUT_MS,
    });
  } catch (error) {
    close();
    throw error;
  }
  return { gitDir: join(dir, "repo.git"), close };
}

/** A local repository (working copy or bare), a local bundle file, or a clone URL (mirrored into a temp dir). */
export function openRepository(location: string, options: CloneOptions = {}): OpenedRepository {
  if (isCloneUrl(location)) return cloneMirror(assertCloneUrl(location, options).href);
  const path = resolve(location);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new GitError("repository: no such path");
  if (stat.isFile()) return cloneMirror(path);
  const gitDir = runGitText(["-C", path, "rev-parse", "--absolute-git-dir"]).trim();
  return { gitDir, close: () => undefined };
}

/** The live path: a clone URL is mirrored asynchronously (it may take minutes); local paths open as above. */
export async function openRepositoryAsync(location: string, options: CloneOptions = {}): Promise<OpenedRepository> {
  if (!isCloneUrl(location)) return openRepository(location, options);
  const dir = mkdtempSync(join(tmpdir(), "keyward-code-"));
  const close = () => rmSync(dir, { recursive: true, force: true });
  const source = assertCloneUrl(location, options).href;
  try {
    await runGitAsync(["-c", "http.followRedirects=false", "clone", "--quiet", "--mirror", "--", source, join(dir, "repo.git")], {
      timeoutMs: CLONE_TIMEOUT_MS,
    });
  } catch (error) {
    close();
    throw error;
  }
  return { gitDir: join(dir, "repo.git"), close };
}

/** A bundle given as bytes (an imported file): written to a temp dir, mirrored, the copy removed. */
export function openBundle(bytes: Uint8Array): OpenedRepository {
  const dir = mkdtempSync(join(tmpdir(), "keyward-bundle-"));
  try {
    const file = join(dir, "import.bundle");
    writeFileSync(file, bytes);
    const opened = cloneMirror(file);
    return { gitDir: opened.gitDir, close: opened.close };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
