import { environmentOf, type GithubConfig } from "../config";
import type { ItemContext } from "../schemas";

/** What a live listing knows about its items: the organization (scope), the repository (parent), the environment. */
export function liveContext(config: GithubConfig, org: string, repoFullName?: string): ItemContext {
  const repoName = repoFullName?.split("/")[1];
  const environment = environmentOf(config, repoFullName?.split("/")[0] ?? org, repoName);
  return { org, ...(repoFullName ? { repo: repoFullName } : {}), ...(environment ? { environment } : {}) };
}

/** Splits a repository parent id (`owner/name`). */
export function ownerAndRepo(fullName: string): { owner: string; repo: string } {
  const [owner = "", repo = ""] = fullName.split("/");
  return { owner, repo };
}
