import { defineStream } from "../../sdk";
import { callGitHub } from "../client/github-errors";
import { githubClientOf } from "../client/github-session";
import { githubConfigSchema, type GithubConfig } from "../config";
import { ORGANIZATION_TYPE } from "../external-types";
import { organizationItemSchema, type OrganizationItem } from "../schemas";
import { organizationRecords } from "../transform/organization-records";
import { liveContext } from "./live-context";

/** The organization itself (GET /orgs/{org}): what installations, tokens and secrets point at. */
export const organizationStream = defineStream<GithubConfig, OrganizationItem>({
  name: "organization",
  externalTypes: [ORGANIZATION_TYPE],
  item: organizationItemSchema,
  config: githubConfigSchema,
  async list({ scope, ctx }) {
    const client = await githubClientOf(ctx);
    const { data } = await callGitHub(() => client.request("GET /orgs/{org}", { org: scope.id }));
    return { items: [{ ...data, keyward: liveContext(ctx.config, scope.id) }] };
  },
  transform: (org) => organizationRecords(org),
});
