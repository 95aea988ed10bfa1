import type { CheckResult, ConnectorContext } from "../sdk";
import { gitlabClientOf } from "./client/gitlab-session";
import type { GitlabConfig } from "./config";

/**
 * "Test connection": reads the first configured group — the cheapest call that proves the token,
 * the host and access to the group. The error detail is the redacted status line with GitLab's
 * short message, never the token.
 */
export async function checkGitlab(ctx: Pick<ConnectorContext<GitlabConfig>, "config" | "signal">): Promise<CheckResult> {
  const [group = ""] = ctx.config.groups;
  try {
    const data = (await gitlabClientOf(ctx).groups.show(group)) as unknown as { full_path?: string };
    return { ok: true, detail: `the token can read the group ${data.full_path ?? group}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : "unknown error" };
  }
}
