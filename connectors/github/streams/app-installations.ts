import { defineStream } from "../../sdk";
import { githubClientOf } from "../client/github-session";
import { field, listPage } from "../client/list-page";
import { githubConfigSchema, type GithubConfig } from "../config";
import { APP_INSTALLATION_TYPE } from "../external-types";
import { appInstallationItemSchema, type AppInstallationItem } from "../schemas";
import { appInstallationRecords } from "../transform/installation-records";
import { liveContext } from "./live-context";

/** GitHub Apps installed on the organization (GET /orgs/{org}/installations), suspended ones included. */
export const appInstallationsStream = defineStream<GithubConfig, AppInstallationItem>({
  name: "app-installations",
  externalTypes: [APP_INSTALLATION_TYPE],
  item: appInstallationItemSchema,
  config: githubConfigSchema,
  async list({ scope, cursor, ctx }) {
    const client = await githubClientOf(ctx);
    const request = { route: "GET /orgs/{org}/installations", params: { org: scope.id } };
    return listPage(client, ctx.config, request, cursor, field("installations"), (installation) => ({
      ...installation,
      keyward: liveContext(ctx.config, scope.id),
    }));
  },
  transform: (installation) => appInstallationRecords(installation),
});
