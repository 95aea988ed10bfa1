import { defineStream } from "../../sdk";
import { array, listPage } from "../client/list-page";
import { githubClientOf } from "../client/github-session";
import { githubConfigSchema, type GithubConfig } from "../config";
import { REPOSITORY_TYPE } from "../external-types";
import { repositoryItemSchema, type RepositoryItem } from "../schemas";
import { repositoryRecords } from "../transform/repository-records";
import { liveContext } from "./live-context";

/** The organization's repositories (GET /orgs/{org}/repos, all types), parents of deploy keys and repository secrets. */
export const repositoriesStream = defineStream<GithubConfig, RepositoryItem>({
  name: "repositories",
  externalTypes: [REPOSITORY_TYPE],
  item: repositoryItemSchema,
  config: githubConfigSchema,
  parentKey: (repo) => ({ id: repo.full_name, name: repo.full_name }),
  async list({ scope, cursor, ctx }) {
    const client = await githubClientOf(ctx);
    return listPage(
      client,
      ctx.config,
      { route: "GET /orgs/{org}/repos", params: { org: scope.id, type: "all" } },
      cursor,
      array,
      (repo) => ({
        ...repo,
        keyward: liveContext(ctx.config, scope.id, String(repo.full_name)),
      }),
    );
  },
  transform: (repo) => repositoryRecords(repo),
});
