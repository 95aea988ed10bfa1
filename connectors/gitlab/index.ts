import { defineConnector } from "../sdk";
import { checkGitlab } from "./check";
import { gitlabConfigSchema } from "./config";
import { gitlabFormats } from "./formats/rest-formats";
import { groupsStream, projectsStream } from "./streams/namespaces";
import {
  groupAccessTokensStream,
  groupDeployTokensStream,
  projectAccessTokensStream,
  projectDeployTokensStream,
} from "./streams/tokens";
import { groupVariablesStream, projectVariablesStream } from "./streams/variables";

/**
 * GitLab groups (with subgroups and projects): CI/CD variables (values fingerprinted, never
 * stored), group and project access tokens with their bot users, and deploy tokens. One token
 * with the `read_api` scope; the role each listing needs is in `permissions`. See
 * docs/connectors/gitlab.md.
 */
export const gitlabConnector = defineConnector({
  provider: "gitlab",
  displayName: "GitLab",
  configSchema: gitlabConfigSchema,
  secretFields: ["token"],
  permissions: [
    { stream: "groups", permission: "read_api (Guest on the group)", why: "read the group and list its subgroups" },
    { stream: "projects", permission: "read_api (Guest on the group)", why: "list the projects of the group and its subgroups" },
    {
      stream: "group-variables",
      permission: "read_api (Owner on the group)",
      why: "list group CI/CD variables; values are fingerprinted in memory and dropped",
    },
    {
      stream: "project-variables",
      permission: "read_api (Maintainer on the project)",
      why: "list project CI/CD variables; values are fingerprinted in memory and dropped",
    },
    {
      stream: "group-access-tokens",
      permission: "read_api (Owner on the group)",
      why: "list group access tokens: scopes, role, expiry, last use, revocation (never values)",
    },
    {
      stream: "project-access-tokens",
      permission: "read_api (Maintainer on the project)",
      why: "list project access tokens: scopes, role, expiry, last use, revocation (never values)",
    },
    {
      stream: "group-deploy-tokens",
      permission: "read_api (Owner on the group)",
      why: "list group deploy tokens: scopes, expiry, revocation (never values)",
    },
    {
      stream: "project-deploy-tokens",
      permission: "read_api (Maintainer on the project)",
      why: "list project deploy tokens: scopes, expiry, revocation (never values)",
    },
  ],
  check: checkGitlab,
  // One scope per configured group, listed completely (with its subgroups and projects) per
  // stream. Paths are case-insensitive on GitLab, so the scope id is the lowercased path or id.
  scopes: async (ctx) =>
    [...new Set(ctx.config.groups.map((group) => group.toLowerCase()))].map((group) => ({
      id: group,
      label: `GitLab group ${group}`,
    })),
  streams: [
    groupsStream,
    projectsStream,
    groupVariablesStream,
    projectVariablesStream,
    groupAccessTokensStream,
    projectAccessTokensStream,
    groupDeployTokensStream,
    projectDeployTokensStream,
  ],
  formats: gitlabFormats,
});
