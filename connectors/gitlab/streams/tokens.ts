import { defineStream } from "../../sdk";
import { gitlabClientOf } from "../client/gitlab-session";
import { listPage, type OffsetPage } from "../client/list-page";
import { gitlabConfigSchema, type GitlabConfig } from "../config";
import {
  ACCESS_TOKEN_TYPE,
  BOT_USER_TYPE,
  DEPLOY_TOKEN_TYPE,
  GROUP_ACCESS_TOKEN_TYPE,
  GROUP_BOT_USER_TYPE,
  GROUP_DEPLOY_TOKEN_TYPE,
} from "../external-types";
import { accessTokenItemSchema, deployTokenItemSchema, type AccessTokenItem, type DeployTokenItem } from "../schemas";
import { accessTokenRecords, deployTokenRecords } from "../transform/token-records";
import { goneIsEmpty, namespaceContext, requireParent } from "./context";

/*
 * Access tokens (with their bot users) and deploy tokens of each group and project. Values are
 * never returned by these listings.
 */

export const groupAccessTokensStream = defineStream<GitlabConfig, AccessTokenItem>({
  name: "group-access-tokens",
  externalTypes: [GROUP_ACCESS_TOKEN_TYPE, GROUP_BOT_USER_TYPE],
  item: accessTokenItemSchema,
  config: gitlabConfigSchema,
  parent: "groups",
  async list({ cursor, parent, ctx }) {
    const group = requireParent(parent, "group access tokens");
    const client = gitlabClientOf(ctx);
    const keyward = namespaceContext(ctx.config, "group", group.id, group.name);
    return goneIsEmpty(cursor, () =>
      listPage(
        (page) =>
          client.groupAccessTokens.all(group.id, {
            perPage: ctx.config.perPage,
            page,
            showExpanded: true,
          }) as unknown as Promise<OffsetPage>,
        cursor,
        (token) => ({ ...token, keyward }),
      ),
    );
  },
  transform: (token) => accessTokenRecords(token),
});

export const projectAccessTokensStream = defineStream<GitlabConfig, AccessTokenItem>({
  name: "project-access-tokens",
  externalTypes: [ACCESS_TOKEN_TYPE, BOT_USER_TYPE],
  item: accessTokenItemSchema,
  config: gitlabConfigSchema,
  parent: "projects",
  async list({ cursor, parent, ctx }) {
    const project = requireParent(parent, "project access tokens");
    const client = gitlabClientOf(ctx);
    const keyward = namespaceContext(ctx.config, "project", project.id, project.name);
    return goneIsEmpty(cursor, () =>
      listPage(
        (page) =>
          client.projectAccessTokens.all(project.id, {
            perPage: ctx.config.perPage,
            page,
            showExpanded: true,
          }) as unknown as Promise<OffsetPage>,
        cursor,
        (token) => ({ ...token, keyward }),
      ),
    );
  },
  transform: (token) => accessTokenRecords(token),
});

export const groupDeployTokensStream = defineStream<GitlabConfig, DeployTokenItem>({
  name: "group-deploy-tokens",
  externalTypes: [GROUP_DEPLOY_TOKEN_TYPE],
  item: deployTokenItemSchema,
  config: gitlabConfigSchema,
  parent: "groups",
  async list({ cursor, parent, ctx }) {
    const group = requireParent(parent, "group deploy tokens");
    const client = gitlabClientOf(ctx);
    const keyward = namespaceContext(ctx.config, "group", group.id, group.name);
    return goneIsEmpty(cursor, () =>
      listPage(
        (page) =>
          client.deployTokens.all({
            groupId: group.id,
            perPage: ctx.config.perPage,
            page,
            showExpanded: true,
          }) as unknown as Promise<OffsetPage>,
        cursor,
        (token) => ({ ...token, keyward }),
      ),
    );
  },
  transform: (token) => deployTokenRecords(token),
});

export const projectDeployTokensStream = defineStream<GitlabConfig, DeployTokenItem>({
  name: "project-deploy-tokens",
  externalTypes: [DEPLOY_TOKEN_TYPE],
  item: deployTokenItemSchema,
  config: gitlabConfigSchema,
  parent: "projects",
  async list({ cursor, parent, ctx }) {
    const project = requireParent(parent, "project deploy tokens");
    const client = gitlabClientOf(ctx);
    const keyward = namespaceContext(ctx.config, "project", project.id, project.name);
    return goneIsEmpty(cursor, () =>
      listPage(
        (page) =>
          client.deployTokens.all({
            projectId: project.id,
            perPage: ctx.config.perPage,
            page,
            showExpanded: true,
          }) as unknown as Promise<OffsetPage>,
        cursor,
        (token) => ({ ...token, keyward }),
      ),
    );
  },
  transform: (token) => deployTokenRecords(token),
});
