import { z } from "zod";
import { defineFormat, parseFileWith, type FormatDefinition, type InspectedFile } from "../../sdk";
import { accessTokenItemSchema, deployTokenItemSchema, groupItemSchema, projectItemSchema, variableItemSchema } from "../schemas";
import { requireOwner, type PathOwner } from "./import-path";

/*
 * GitLab REST v4 responses saved as JSON (`curl`, `glab api`), as docs.gitlab.com documents them.
 * Recognised by content: the documented fields of each response. Variable and token listings do
 * not name their group or project, so the path does (see import-path.ts).
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const has = (item: Record<string, unknown>, ...keys: string[]) => keys.every((key) => key in item);

/** A non-empty array whose every item is an object passing `test`: an empty list says nothing about what it lists. */
function everyItem(json: unknown, test: (item: Record<string, unknown>) => boolean): boolean {
  return Array.isArray(json) && json.length > 0 && json.every((item) => isObject(item) && test(item));
}

function itemsOf(file: InspectedFile, schema: z.ZodType, keyward: (item: Record<string, unknown>) => Record<string, unknown>) {
  const list = (Array.isArray(file.json) ? file.json : [file.json]) as Record<string, unknown>[];
  const items = list.map((item) => ({ ...item, keyward: keyward(item) }));
  parseFileWith(file, z.array(schema), items);
  return items;
}

const ownerContext = (owner: PathOwner) => () => ({ level: owner.level, ownerId: owner.id });
const parentOf = (owner: PathOwner) => ({ stream: owner.level === "group" ? "groups" : "projects", id: owner.id });

const isGroup = (group: Record<string, unknown>) =>
  typeof group.full_path === "string" && has(group, "id", "path", "parent_id") && !("path_with_namespace" in group);
const namespaceContext = (item: Record<string, unknown>, pathKey: string, level: "group" | "project") => ({
  level,
  ownerId: String(item.id),
  ownerPath: String(item[pathKey]),
});

export const groupsFormat = defineFormat({
  id: "gitlab.rest-groups",
  description: "GET /groups/:id, GET /groups/:id/descendant_groups or GET /groups (glab api groups/ID)",
  detect: (file) => (isObject(file.json) ? isGroup(file.json) : everyItem(file.json, isGroup)),
  parse(file) {
    return [
      { stream: "groups", items: itemsOf(file, groupItemSchema, (group) => namespaceContext(group, "full_path", "group")) },
    ];
  },
});

export const projectsFormat = defineFormat({
  id: "gitlab.rest-projects",
  description: "GET /groups/:id/projects (glab api groups/ID/projects)",
  detect: (file) =>
    everyItem(file.json, (project) => typeof project.path_with_namespace === "string" && has(project, "id", "namespace")),
  parse(file) {
    const items = itemsOf(file, projectItemSchema, (project) => namespaceContext(project, "path_with_namespace", "project"));
    return [{ stream: "projects", items }];
  },
});

export const variablesFormat = defineFormat({
  id: "gitlab.rest-variables",
  description:
    "GET /projects/:id/variables or GET /groups/:id/variables, saved as projects/ID/variables.json or groups/ID/variables.json",
  detect: (file) =>
    everyItem(
      file.json,
      (variable) =>
        typeof variable.key === "string" &&
        (variable.variable_type === "env_var" || variable.variable_type === "file") &&
        has(variable, "protected", "masked"),
    ),
  parse(file) {
    const owner = requireOwner(file.path, "variables");
    const stream = owner.level === "group" ? "group-variables" : "project-variables";
    return [{ stream, parent: parentOf(owner), items: itemsOf(file, variableItemSchema, ownerContext(owner)) }];
  },
});

export const accessTokensFormat = defineFormat({
  id: "gitlab.rest-access-tokens",
  description: "GET /projects/:id/access_tokens or GET /groups/:id/access_tokens, saved as projects/ID/access_tokens.json",
  detect: (file) =>
    everyItem(
      file.json,
      (token) => typeof token.user_id === "number" && has(token, "id", "scopes", "access_level", "revoked", "active"),
    ),
  parse(file) {
    const owner = requireOwner(file.path, "access_tokens");
    const stream = owner.level === "group" ? "group-access-tokens" : "project-access-tokens";
    return [{ stream, parent: parentOf(owner), items: itemsOf(file, accessTokenItemSchema, ownerContext(owner)) }];
  },
});

export const deployTokensFormat = defineFormat({
  id: "gitlab.rest-deploy-tokens",
  description: "GET /projects/:id/deploy_tokens or GET /groups/:id/deploy_tokens, saved as projects/ID/deploy_tokens.json",
  detect: (file) =>
    everyItem(
      file.json,
      (token) => has(token, "id", "name", "username", "scopes", "revoked", "expired") && !("user_id" in token),
    ),
  parse(file) {
    const owner = requireOwner(file.path, "deploy_tokens");
    const stream = owner.level === "group" ? "group-deploy-tokens" : "project-deploy-tokens";
    return [{ stream, parent: parentOf(owner), items: itemsOf(file, deployTokenItemSchema, ownerContext(owner)) }];
  },
});

export const gitlabFormats: readonly FormatDefinition[] = [
  groupsFormat,
  projectsFormat,
  variablesFormat,
  accessTokensFormat,
  deployTokensFormat,
];
