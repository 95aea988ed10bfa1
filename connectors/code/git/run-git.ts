import { execFile, spawnSync } from "node:child_process";
import { homedir } from "node:os";
import { SdkError } from "../../sdk";

/*
 * The only process the connector starts is `git`. Synchronous on purpose: offline formats parse
 * synchronously (FormatDefinition.parse), and the live stream shares the same scanner.
 * Prompts are disabled so a clone that needs credentials fails instead of hanging, and the `ext::`
 * transport (arbitrary commands) is refused.
 */

/** Largest output one git call may return: `cat-file --batch` chunks are sized well below it. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/*
 * A fixed environment, not the worker's: an inherited GIT_DIR, GIT_CONFIG_* or GIT_SSH_COMMAND would
 * change what is read or run. HOME stays the worker's so ssh:// clones find ~/.ssh keys.
 */
const GIT_ENV = {
  PATH: "/usr/local/bin:/usr/bin:/bin",
  HOME: homedir(),
  LC_ALL: "C",
  GIT_TERMINAL_PROMPT: "0",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_SSH_COMMAND: "ssh -o BatchMode=yes",
  // Next's types make NODE_ENV a required key of every environment; git ignores it.
  NODE_ENV: "production",
} as const;

export class GitError extends SdkError {
  constructor(message: string) {
    super("git_failed", message);
  }
}

export interface RunGitOptions {
  readonly gitDir?: string;
  readonly input?: string | Buffer;
  readonly timeoutMs?: number;
}

function gitArgs(args: readonly string[], options: RunGitOptions): string[] {
  const prefix = options.gitDir ? ["--git-dir", options.gitDir] : [];
  return ["-c", "protocol.ext.allow=never", "-c", "core.quotePath=false", ...prefix, ...args];
}

/** Asynchronous, for the network-bound calls of a live sync (clone, ls-remote): they must not block the worker's event loop. */
export function runGitAsync(args: readonly string[], options: RunGitOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      gitArgs(args, options),
      { env: GIT_ENV, timeout: options.timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const reason = String(stderr).trim().split("\n").slice(-1)[0] ?? "";
        reject(new GitError(`git ${args[0]} failed: ${reason.slice(0, 300) || error.message}`));
      },
    );
  });
}

export function runGit(args: readonly string[], options: RunGitOptions = {}): Buffer {
  const result = spawnSync("git", gitArgs(args, options), {
    input: options.input,
    maxBuffer: MAX_OUTPUT_BYTES,
    timeout: options.timeoutMs,
    env: GIT_ENV,
  });
  if (result.error) throw new GitError(`git ${args[0]} failed: ${result.error.message}`);
  if (result.status !== 0) {
    // git's stderr names refs and paths, never file contents; keep it short.
    const reason = result.stderr.toString("utf8").trim().split("\n").slice(-1)[0] ?? "";
    throw new GitError(`git ${args[0]} exited with ${result.status}: ${reason.slice(0, 300)}`);
  }
  return result.stdout;
}

export const runGitText = (args: readonly string[], options?: RunGitOptions) => runGit(args, options).toString("utf8");
