import type { CheckResult, ConnectorContext } from "../sdk";
import { callGitHub } from "./client/github-errors";
import { githubClientOf } from "./client/github-session";
import type { GithubConfig } from "./config";

/**
 * "Test connection": authenticates (minting an installation token for an App) and reads the first
 * organization — the cheapest call that proves the credentials and the base URL. The error detail
 * is the redacted status line with GitHub's short message, never the token.
 */
export async function checkGithub(ctx: Pick<ConnectorContext<GithubConfig>, "config" | "signal" | "log">): Promise<CheckResult> {
  const [org = ""] = ctx.config.organizations;
  try {
    const client = await githubClientOf(ctx);
    const { data } = await callGitHub(() => client.request("GET /orgs/{org}", { org }));
    const principal = ctx.config.token ? "the token" : `App ${ctx.config.appId} (installation ${ctx.config.appInstallationId})`;
    return { ok: true, detail: `${principal} can read the organization ${data.login}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : "unknown error" };
  }
}
