import type { ExternalRef } from "../sdk";

/*
 * External types of the GitLab connector. They are also listed in connectors/keyward/external-types.ts,
 * so records of this source and of Keyward's own format can point at each other. Groups and
 * projects are named by numeric id (paths change on rename or transfer; ids do not). Every type
 * of identity/credential/resource belongs to one stream, so group- and project-level objects of the
 * same kind have distinct types.
 */

export const GROUP_TYPE = "gitlab.group";
export const PROJECT_TYPE = "gitlab.project";
/** A project CI/CD variable; id = `<project id>:<KEY>:<environment_scope>` (a key is unique per scope). */
export const CI_VARIABLE_TYPE = "gitlab.ci_variable";
/** A group CI/CD variable; id = `<group id>:<KEY>:<environment_scope>`. */
export const GROUP_CI_VARIABLE_TYPE = "gitlab.group_ci_variable";
/** A project access token; id = the token id (global). */
export const ACCESS_TOKEN_TYPE = "gitlab.access_token";
/** A group access token; id = the token id (global). */
export const GROUP_ACCESS_TOKEN_TYPE = "gitlab.group_access_token";
/** The bot user behind a project access token; id = the user id. */
export const BOT_USER_TYPE = "gitlab.bot_user";
/** The bot user behind a group access token; id = the user id. */
export const GROUP_BOT_USER_TYPE = "gitlab.group_bot_user";
/** A project deploy token; id = the token id (global). */
export const DEPLOY_TOKEN_TYPE = "gitlab.deploy_token";
/** A group deploy token; id = the token id (global). */
export const GROUP_DEPLOY_TOKEN_TYPE = "gitlab.group_deploy_token";

const ref = (externalType: string, externalId: string | number): ExternalRef => ({
  externalType,
  externalId: String(externalId),
});

export const groupRef = (id: string | number) => ref(GROUP_TYPE, id);
export const projectRef = (id: string | number) => ref(PROJECT_TYPE, id);
/** The variable's owner (group or project) in its own id space. */
export const variableRef = (level: "group" | "project", ownerId: string, key: string, scope: string) =>
  ref(level === "group" ? GROUP_CI_VARIABLE_TYPE : CI_VARIABLE_TYPE, `${ownerId}:${key}:${scope}`);
export const accessTokenRef = (level: "group" | "project", id: number) =>
  ref(level === "group" ? GROUP_ACCESS_TOKEN_TYPE : ACCESS_TOKEN_TYPE, id);
export const botUserRef = (level: "group" | "project", userId: number) =>
  ref(level === "group" ? GROUP_BOT_USER_TYPE : BOT_USER_TYPE, userId);
export const deployTokenRef = (level: "group" | "project", id: number) =>
  ref(level === "group" ? GROUP_DEPLOY_TOKEN_TYPE : DEPLOY_TOKEN_TYPE, id);
export const ownerRef = (level: "group" | "project", id: string) => (level === "group" ? groupRef(id) : projectRef(id));
