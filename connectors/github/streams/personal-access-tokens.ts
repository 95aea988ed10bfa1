import { defineStream } from "../../sdk";
import { githubClientOf } from "../client/github-session";
import { array, listPage } from "../client/list-page";
import { githubConfigSchema, type GithubConfig } from "../config";
import { PAT_REQUEST_TYPE, PAT_TYPE } from "../external-types";
import { patGrantItemSchema, patRequestItemSchema, type PatGrantItem, type PatRequestItem } from "../schemas";
import { patGrantRecords, patRequestRecords } from "../transform/pat-records";
import { liveContext } from "./live-context";

/*
 * Fine-grained personal access tokens with access to the organization, and pending requests for
 * access. GitHub lets only GitHub Apps call these two endpoints (a PAT gets 403), hence the App
 * credentials option.
 */

export const personalAccessTokensStream = defineStream<GithubConfig, PatGrantItem>({
  name: "personal-access-tokens",
  externalTypes: [PAT_TYPE],
  item: patGrantItemSchema,
  config: githubConfigSchema,
  async list({ scope, cursor, ctx }) {
    const client = await githubClientOf(ctx);
    const request = { route: "GET /orgs/{org}/personal-access-tokens", params: { org: scope.id } };
    return listPage(client, ctx.config, request, cursor, array, (grant) => ({
      ...grant,
      keyward: liveContext(ctx.config, scope.id),
    }));
  },
  transform: (grant) => patGrantRecords(grant),
});

export const personalAccessTokenRequestsStream = defineStream<GithubConfig, PatRequestItem>({
  name: "personal-access-token-requests",
  externalTypes: [PAT_REQUEST_TYPE],
  item: patRequestItemSchema,
  config: githubConfigSchema,
  async list({ scope, cursor, ctx }) {
    const client = await githubClientOf(ctx);
    const request = { route: "GET /orgs/{org}/personal-access-token-requests", params: { org: scope.id } };
    return listPage(client, ctx.config, request, cursor, array, (request) => ({
      ...request,
      keyward: liveContext(ctx.config, scope.id),
    }));
  },
  transform: (request) => patRequestRecords(request),
});
