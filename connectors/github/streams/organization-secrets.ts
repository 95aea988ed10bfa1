import { defineStream } from "../../sdk";
import { callGitHub } from "../client/github-errors";
import { githubClientOf, type GitHubClient } from "../client/github-session";
import { field, listPage } from "../client/list-page";
import { githubConfigSchema, type GithubConfig } from "../config";
import { ORG_ACTIONS_SECRET_TYPE } from "../external-types";
import { organizationSecretItemSchema, type OrganizationSecretItem } from "../schemas";
import { organizationSecretRecords } from "../transform/secret-records";
import { liveContext } from "./live-context";

/** Every repository a `selected` secret is shared with (all pages). */
async function selectedRepositories(client: GitHubClient, org: string, secretName: string, perPage: number): Promise<string[]> {
  const repositories = await callGitHub(() =>
    client.paginate("GET /orgs/{org}/actions/secrets/{secret_name}/repositories", {
      org,
      secret_name: secretName,
      per_page: perPage,
    }),
  );
  return repositories.map((repo) => repo.full_name);
}

/**
 * The organization's Actions secrets (GET /orgs/{org}/actions/secrets), with, for `selected`
 * visibility, the repositories each is shared with — listed here rather than as a child stream
 * because the repositories are part of what the secret is.
 */
export const organizationSecretsStream = defineStream<GithubConfig, OrganizationSecretItem>({
  name: "organization-secrets",
  externalTypes: [ORG_ACTIONS_SECRET_TYPE],
  item: organizationSecretItemSchema,
  config: githubConfigSchema,
  async list({ scope, cursor, ctx }) {
    const client = await githubClientOf(ctx);
    const request = { route: "GET /orgs/{org}/actions/secrets", params: { org: scope.id } };
    const page = await listPage(client, ctx.config, request, cursor, field("secrets"), (secret) => ({
      ...secret,
      keyward: liveContext(ctx.config, scope.id),
    }));
    const items: Record<string, unknown>[] = [];
    for (const item of page.items as Record<string, unknown>[]) {
      if (item.visibility !== "selected") items.push(item);
      else {
        const selected = await selectedRepositories(client, scope.id, String(item.name), ctx.config.perPage);
        items.push({ ...item, keyward: { ...(item.keyward as object), selectedRepositories: selected } });
      }
    }
    return { ...page, items };
  },
  transform: (secret) => organizationSecretRecords(secret),
});
