import { defineConnector } from "../sdk";
import { checkGithub } from "./check";
import { githubConfigSchema } from "./config";
import { githubFormats } from "./formats/rest-formats";
import { appInstallationsStream } from "./streams/app-installations";
import { deployKeysStream } from "./streams/deploy-keys";
import { organizationStream } from "./streams/organization";
import { organizationSecretsStream } from "./streams/organization-secrets";
import { personalAccessTokenRequestsStream, personalAccessTokensStream } from "./streams/personal-access-tokens";
import { repositoriesStream } from "./streams/repositories";
import { repositorySecretsStream } from "./streams/repository-secrets";

/**
 * GitHub organizations: repository deploy keys, Actions secrets (repository and organization),
 * GitHub App installations, and fine-grained personal access tokens with their pending requests.
 * Permissions are named as GitHub's fine-grained permissions (GitHub App and fine-grained PAT
 * alike). See docs/connectors/github.md.
 */
export const githubConnector = defineConnector({
  provider: "github",
  displayName: "GitHub",
  configSchema: githubConfigSchema,
  secretFields: ["token", "appPrivateKey"],
  permissions: [
    { stream: "organization", permission: "Metadata: read", why: "read the organization's profile (always granted)" },
    {
      stream: "repositories",
      permission: "Metadata: read",
      why: "list the organization's repositories, parents of keys and secrets",
    },
    {
      stream: "deploy-keys",
      permission: "Administration (repository): read",
      why: "list each repository's deploy keys (public keys, read-only flag, creator, last use)",
    },
    {
      stream: "repository-secrets",
      permission: "Secrets (repository): read",
      why: "list each repository's Actions secret names and dates; values are never readable",
    },
    {
      stream: "organization-secrets",
      permission: "Secrets (organization): read",
      why: "list the organization's Actions secret names, visibility and selected repositories; values are never readable",
    },
    {
      stream: "app-installations",
      permission: "Administration (organization): read",
      why: "list the GitHub Apps installed on the organization with their permissions and suspension",
    },
    {
      stream: "personal-access-tokens",
      permission: "Personal access tokens (organization): read",
      why: "list fine-grained tokens with access to the organization (owner, permissions, expiry, last use); GitHub App only",
    },
    {
      stream: "personal-access-token-requests",
      permission: "Personal access token requests (organization): read",
      why: "list pending requests of fine-grained tokens for access to the organization; GitHub App only",
    },
  ],
  check: checkGithub,
  // One scope per organization, each listed completely per stream. Logins are case-insensitive,
  // so the scope id (part of the sweep key) is the lowercased login.
  scopes: async (ctx) =>
    [...new Set(ctx.config.organizations.map((org) => org.toLowerCase()))].map((org) => ({
      id: org,
      label: `GitHub organization ${org}`,
    })),
  streams: [
    organizationStream,
    repositoriesStream,
    deployKeysStream,
    repositorySecretsStream,
    organizationSecretsStream,
    appInstallationsStream,
    personalAccessTokensStream,
    personalAccessTokenRequestsStream,
  ],
  formats: githubFormats,
});
