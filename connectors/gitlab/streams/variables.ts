import { defineStream } from "../../sdk";
import { gitlabClientOf } from "../client/gitlab-session";
import { listPage, type OffsetPage } from "../client/list-page";
import { gitlabConfigSchema, type GitlabConfig } from "../config";
import { CI_VARIABLE_TYPE, GROUP_CI_VARIABLE_TYPE } from "../external-types";
import { variableItemSchema, type VariableItem } from "../schemas";
import { variableRecords } from "../transform/variable-records";
import { goneIsEmpty, namespaceContext, requireParent } from "./context";

/*
 * CI/CD variables of each group and project (Maintainer role needed). The listing returns values;
 * they reach only the transform, which fingerprints and drops them.
 */

export const groupVariablesStream = defineStream<GitlabConfig, VariableItem>({
  name: "group-variables",
  externalTypes: [GROUP_CI_VARIABLE_TYPE],
  item: variableItemSchema,
  config: gitlabConfigSchema,
  parent: "groups",
  async list({ cursor, parent, ctx }) {
    const group = requireParent(parent, "group variables");
    const client = gitlabClientOf(ctx);
    const keyward = namespaceContext(ctx.config, "group", group.id, group.name);
    return goneIsEmpty(cursor, () =>
      listPage(
        (page) =>
          client.groupVariables.all(group.id, {
            perPage: ctx.config.perPage,
            page,
            showExpanded: true,
          }) as unknown as Promise<OffsetPage>,
        cursor,
        (variable) => ({ ...variable, keyward }),
      ),
    );
  },
  transform: (variable, { fingerprint }) => variableRecords(variable, fingerprint),
});

export const projectVariablesStream = defineStream<GitlabConfig, VariableItem>({
  name: "project-variables",
  externalTypes: [CI_VARIABLE_TYPE],
  item: variableItemSchema,
  config: gitlabConfigSchema,
  parent: "projects",
  async list({ cursor, parent, ctx }) {
    const project = requireParent(parent, "project variables");
    const client = gitlabClientOf(ctx);
    const keyward = namespaceContext(ctx.config, "project", project.id, project.name);
    return goneIsEmpty(cursor, () =>
      listPage(
        (page) =>
          client.projectVariables.all(project.id, {
            perPage: ctx.config.perPage,
            page,
            showExpanded: true,
          }) as unknown as Promise<OffsetPage>,
        cursor,
        (variable) => ({ ...variable, keyward }),
      ),
    );
  },
  transform: (variable, { fingerprint }) => variableRecords(variable, fingerprint),
});
