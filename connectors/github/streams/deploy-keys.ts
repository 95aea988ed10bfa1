import { defineStream, SdkError } from "../../sdk";
import { GitHubApiError } from "../client/github-errors";
import { githubClientOf } from "../client/github-session";
import { array, listPage } from "../client/list-page";
import { githubConfigSchema, type GithubConfig } from "../config";
import { DEPLOY_KEY_TYPE } from "../external-types";
import { deployKeyItemSchema, type DeployKeyItem } from "../schemas";
import { deployKeyRecords } from "../transform/deploy-key-records";
import { liveContext, ownerAndRepo } from "./live-context";

/** Deploy keys of one repository (GET /repos/{owner}/{repo}/keys). */
export const deployKeysStream = defineStream<GithubConfig, DeployKeyItem>({
  name: "deploy-keys",
  externalTypes: [DEPLOY_KEY_TYPE],
  item: deployKeyItemSchema,
  config: githubConfigSchema,
  parent: "repositories",
  async list({ scope, cursor, parent, ctx }) {
    if (!parent) throw new SdkError("missing_parent", "deploy keys are listed per repository");
    const client = await githubClientOf(ctx);
    try {
      return await listPage(
        client,
        ctx.config,
        { route: "GET /repos/{owner}/{repo}/keys", params: ownerAndRepo(parent.id) },
        cursor,
        array,
        (key) => ({
          ...key,
          keyward: liveContext(ctx.config, scope.id, parent.id),
        }),
      );
    } catch (error) {
      // The repository was deleted since it was listed: its keys went with it.
      if (error instanceof GitHubApiError && error.status === 404 && cursor === undefined) return { items: [] };
      throw error;
    }
  },
  transform: (key, { fingerprint }) => deployKeyRecords(key, fingerprint),
});
