import { defineStream } from "../../sdk";
import { gitlabClientOf } from "../client/gitlab-session";
import { listPage, type OffsetPage } from "../client/list-page";
import { gitlabConfigSchema, type GitlabConfig } from "../config";
import { GROUP_TYPE, PROJECT_TYPE } from "../external-types";
import { groupItemSchema, projectItemSchema, type GroupItem, type ProjectItem } from "../schemas";
import { groupRecords, projectRecords } from "../transform/namespace-records";
import { namespaceContext } from "./context";

/** Cursor prefix of the descendant-groups pages that follow the scope's own group. */
const DESCENDANTS = "descendants:";

/**
 * The scope's group (GET /groups/:id) then, with `includeSubgroups`, all its descendants
 * (GET /groups/:id/descendant_groups, paged): parents of group variables and tokens.
 */
export const groupsStream = defineStream<GitlabConfig, GroupItem>({
  name: "groups",
  externalTypes: [GROUP_TYPE],
  item: groupItemSchema,
  config: gitlabConfigSchema,
  parentKey: (group) => ({ id: String(group.id), name: group.full_path }),
  async list({ scope, cursor, ctx }) {
    const client = gitlabClientOf(ctx);
    const withContext = (group: Record<string, unknown>) => ({
      ...group,
      keyward: namespaceContext(ctx.config, "group", String(group.id), String(group.full_path)),
    });
    if (cursor === undefined) {
      const root = (await client.groups.show(scope.id)) as unknown as Record<string, unknown>;
      return { items: [withContext(root)], ...(ctx.config.includeSubgroups ? { nextCursor: `${DESCENDANTS}1` } : {}) };
    }
    const page = await listPage(
      (n) =>
        client.groups.allDescendantGroups(scope.id, {
          perPage: ctx.config.perPage,
          page: n,
          showExpanded: true,
        }) as unknown as Promise<OffsetPage>,
      cursor.slice(DESCENDANTS.length),
      withContext,
    );
    return { ...page, ...(page.nextCursor ? { nextCursor: `${DESCENDANTS}${page.nextCursor}` } : {}) };
  },
  transform: (group) => groupRecords(group),
});

/** The projects of the scope's group (and its subgroups): GET /groups/:id/projects, shared projects left out. */
export const projectsStream = defineStream<GitlabConfig, ProjectItem>({
  name: "projects",
  externalTypes: [PROJECT_TYPE],
  item: projectItemSchema,
  config: gitlabConfigSchema,
  parentKey: (project) => ({ id: String(project.id), name: project.path_with_namespace }),
  async list({ scope, cursor, ctx }) {
    const client = gitlabClientOf(ctx);
    return listPage(
      (page) =>
        client.groups.allProjects(scope.id, {
          includeSubgroups: ctx.config.includeSubgroups,
          withShared: false,
          perPage: ctx.config.perPage,
          page,
          showExpanded: true,
        }) as unknown as Promise<OffsetPage>,
      cursor,
      (project) => ({
        ...project,
        keyward: namespaceContext(ctx.config, "project", String(project.id), String(project.path_with_namespace)),
      }),
    );
  },
  transform: (project) => projectRecords(project),
});
