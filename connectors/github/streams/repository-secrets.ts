import { defineStream, SdkError } from "../../sdk";
import { GitHubApiError } from "../client/github-errors";
import { githubClientOf } from "../client/github-session";
import { field, listPage } from "../client/list-page";
import { githubConfigSchema, type GithubConfig } from "../config";
import { ACTIONS_SECRET_TYPE } from "../external-types";
import { repositorySecretItemSchema, type RepositorySecretItem } from "../schemas";
import { repositorySecretRecords } from "../transform/secret-records";
import { liveContext, ownerAndRepo } from "./live-context";

/** Actions secrets of one repository (GET /repos/{owner}/{repo}/actions/secrets): names and dates, never values. */
export const repositorySecretsStream = defineStream<GithubConfig, RepositorySecretItem>({
  name: "repository-secrets",
  externalTypes: [ACTIONS_SECRET_TYPE],
  item: repositorySecretItemSchema,
  config: githubConfigSchema,
  parent: "repositories",
  async list({ scope, cursor, parent, ctx }) {
    if (!parent) throw new SdkError("missing_parent", "repository secrets are listed per repository");
    const client = await githubClientOf(ctx);
    const request = { route: "GET /repos/{owner}/{repo}/actions/secrets", params: ownerAndRepo(parent.id) };
    try {
      return await listPage(client, ctx.config, request, cursor, field("secrets"), (secret) => ({
        ...secret,
        keyward: liveContext(ctx.config, scope.id, parent.id),
      }));
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404 && cursor === undefined) return { items: [] };
      throw error;
    }
  },
  transform: (secret) => repositorySecretRecords(secret),
});
