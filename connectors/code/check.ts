import { SdkError, type CheckResult, type ConnectorContext } from "../sdk";
import type { CodeConfig } from "./config";
import { assertCloneUrl, isCloneUrl, openRepository } from "./git/open-repository";
import { runGitAsync, runGitText } from "./git/run-git";

/*
 * "Test connection" without scanning: git must be installed, local repositories must open, and
 * clone URLs must answer `git ls-remote` (which lists refs without downloading history).
 */

const describe = (error: unknown) => (error instanceof SdkError ? error.message : "error");

export async function checkCode(ctx: ConnectorContext<CodeConfig>): Promise<CheckResult> {
  const problems: string[] = [];
  try {
    runGitText(["--version"]);
  } catch (error) {
    return { ok: false, detail: `git is not usable on the worker: ${describe(error)}` };
  }
  for (const location of ctx.config.repositories) {
    try {
      if (isCloneUrl(location))
        await runGitAsync(["ls-remote", "--heads", "--", assertCloneUrl(location, ctx.config).href], { timeoutMs: 60_000 });
      else openRepository(location, ctx.config).close();
    } catch (error) {
      problems.push(`${location}: ${describe(error)}`);
    }
  }
  if (problems.length > 0) return { ok: false, detail: problems.join("; ") };
  return { ok: true, detail: `${ctx.config.repositories.length} repository(ies) reachable` };
}
