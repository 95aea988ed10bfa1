import { defineFormat, type FormatDefinition } from "../../sdk";
import {
  appInstallationItemSchema,
  deployKeyItemSchema,
  organizationItemSchema,
  organizationSecretItemSchema,
  patGrantItemSchema,
  patRequestItemSchema,
  REPOSITORY_FULL_NAME,
  repositoryItemSchema,
  repositorySecretItemSchema,
} from "../schemas";
import { organizationOfPat } from "../transform/pat-records";
import { organizationOfSecret } from "../transform/secret-records";
import { organizationOfPath, repositoryOfPath, requireFromPath } from "./import-path";
import { everyItem, isObject, itemsWithContext, listIn } from "./json-shape";

/*
 * GitHub REST responses saved as JSON (`curl`, `gh api`, `gh api --paginate` of one page), as
 * documented for API version 2022-11-28. Recognised by content: the documented fields of each
 * response. Where the response does not name its repository or organization, the path does
 * (see import-path.ts).
 */

const SSH_KEY = /^(ssh-|ecdsa-|sk-)/;
const has = (item: Record<string, unknown>, ...keys: string[]) => keys.every((key) => key in item);

export const organizationFormat = defineFormat({
  id: "github.rest-organization",
  description: "GET /orgs/{org} (gh api orgs/ORG)",
  detect: (file) =>
    isObject(file.json) &&
    typeof file.json.login === "string" &&
    has(file.json, "id", "repos_url", "members_url", "hooks_url") &&
    !("owner" in file.json),
  parse(file) {
    const items = itemsWithContext(file, [file.json], organizationItemSchema, () => ({}));
    return [{ stream: "organization", items }];
  },
});

export const repositoriesFormat = defineFormat({
  id: "github.rest-repositories",
  description: "GET /orgs/{org}/repos (gh api orgs/ORG/repos)",
  detect: (file) =>
    everyItem(
      listIn(file.json),
      (repo) =>
        typeof repo.full_name === "string" &&
        REPOSITORY_FULL_NAME.test(repo.full_name) &&
        isObject(repo.owner) &&
        typeof repo.private === "boolean",
    ),
  parse(file) {
    const items = itemsWithContext(file, listIn(file.json) ?? [], repositoryItemSchema, (repo) => ({ repo: repo.full_name }));
    return [{ stream: "repositories", items }];
  },
});

export const deployKeysFormat = defineFormat({
  id: "github.rest-deploy-keys",
  description: "GET /repos/{owner}/{repo}/keys, saved as repos/OWNER/REPO/keys.json or OWNER/REPO/<any>.json",
  detect: (file) =>
    everyItem(
      listIn(file.json),
      (key) => typeof key.key === "string" && SSH_KEY.test(key.key) && typeof key.read_only === "boolean",
    ),
  parse(file) {
    const repo = requireFromPath(file.path, repositoryOfPath(file.path), "repository", "repos/OWNER/REPO/keys.json");
    const items = itemsWithContext(file, listIn(file.json) ?? [], deployKeyItemSchema, () => ({ repo }));
    return [{ stream: "deploy-keys", parent: { stream: "repositories", id: repo }, items }];
  },
});

const isSecret = (secret: Record<string, unknown>) => typeof secret.name === "string" && has(secret, "created_at", "updated_at");

export const repositorySecretsFormat = defineFormat({
  id: "github.rest-repository-secrets",
  description:
    "GET /repos/{owner}/{repo}/actions/secrets, saved as repos/OWNER/REPO/actions/secrets.json or OWNER/REPO/<any>.json",
  detect: (file) => everyItem(listIn(file.json, "secrets"), (secret) => isSecret(secret) && !("visibility" in secret)),
  parse(file) {
    const repo = requireFromPath(file.path, repositoryOfPath(file.path), "repository", "repos/OWNER/REPO/actions/secrets.json");
    const items = itemsWithContext(file, listIn(file.json, "secrets") ?? [], repositorySecretItemSchema, () => ({ repo }));
    return [{ stream: "repository-secrets", parent: { stream: "repositories", id: repo }, items }];
  },
});

export const organizationSecretsFormat = defineFormat({
  id: "github.rest-organization-secrets",
  description: "GET /orgs/{org}/actions/secrets, saved as orgs/ORG/actions/secrets.json or ORG/<any>.json",
  detect: (file) =>
    everyItem(listIn(file.json, "secrets"), (secret) => isSecret(secret) && typeof secret.visibility === "string"),
  parse(file) {
    const list = (listIn(file.json, "secrets") ?? []) as Record<string, unknown>[];
    // A `selected` secret's repositories URL names the organization; otherwise the path must.
    const named = list
      .map((secret) =>
        organizationOfSecret({
          keyward: {},
          selected_repositories_url:
            typeof secret.selected_repositories_url === "string" ? secret.selected_repositories_url : undefined,
        }),
      )
      .find((org) => org !== undefined);
    const org = requireFromPath(
      file.path,
      named ?? organizationOfPath(file.path),
      "organization",
      "orgs/ORG/actions/secrets.json",
    );
    return [
      { stream: "organization-secrets", items: itemsWithContext(file, list, organizationSecretItemSchema, () => ({ org })) },
    ];
  },
});

export const appInstallationsFormat = defineFormat({
  id: "github.rest-app-installations",
  description: "GET /orgs/{org}/installations (gh api orgs/ORG/installations)",
  detect: (file) =>
    everyItem(listIn(file.json, "installations"), (installation) =>
      has(installation, "app_id", "permissions", "repository_selection"),
    ),
  parse(file) {
    const items = itemsWithContext(file, listIn(file.json, "installations") ?? [], appInstallationItemSchema, () => ({}));
    return [{ stream: "app-installations", items }];
  },
});

/** Grants and requests both say which organization in `repositories_url`; the path may instead. */
function patOrganization(path: string, list: Record<string, unknown>[]): string {
  const named = list
    .map((item) =>
      organizationOfPat({
        keyward: {},
        repositories_url: typeof item.repositories_url === "string" ? item.repositories_url : undefined,
      }),
    )
    .find((org) => org !== undefined);
  return requireFromPath(path, named ?? organizationOfPath(path), "organization", "orgs/ORG/personal-access-tokens.json");
}

export const patGrantsFormat = defineFormat({
  id: "github.rest-personal-access-tokens",
  description: "GET /orgs/{org}/personal-access-tokens",
  detect: (file) => everyItem(listIn(file.json), (grant) => has(grant, "token_id", "access_granted_at", "owner")),
  parse(file) {
    const list = (listIn(file.json) ?? []) as Record<string, unknown>[];
    const org = patOrganization(file.path, list);
    return [{ stream: "personal-access-tokens", items: itemsWithContext(file, list, patGrantItemSchema, () => ({ org })) }];
  },
});

export const patRequestsFormat = defineFormat({
  id: "github.rest-personal-access-token-requests",
  description: "GET /orgs/{org}/personal-access-token-requests",
  detect: (file) => everyItem(listIn(file.json), (request) => has(request, "token_id", "reason", "created_at", "owner")),
  parse(file) {
    const list = (listIn(file.json) ?? []) as Record<string, unknown>[];
    const org = patOrganization(file.path, list);
    return [
      { stream: "personal-access-token-requests", items: itemsWithContext(file, list, patRequestItemSchema, () => ({ org })) },
    ];
  },
});

export const githubFormats: readonly FormatDefinition[] = [
  organizationFormat,
  repositoriesFormat,
  deployKeysFormat,
  repositorySecretsFormat,
  organizationSecretsFormat,
  appInstallationsFormat,
  patGrantsFormat,
  patRequestsFormat,
];
