import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { groupRef, projectRef } from "../external-types";
import type { GroupItem, ProjectItem } from "../schemas";
import { compact } from "./compact";

/*
 * Groups and projects as resources: what variables and tokens are `stored_in` or have permission
 * on. The hierarchy is kept as `member_of` edges: a subgroup to its parent group, a project to its
 * namespace when that is a group (a project in a personal namespace has none).
 */

export function groupRecords(group: GroupItem): KeywardRecordInput[] {
  const ref = groupRef(group.id);
  const environment = group.keyward.environment;
  const resource: KeywardRecordInput = {
    kind: "resource",
    ...ref,
    name: group.full_path,
    type: "organization",
    ...(environment ? { environment } : {}),
    attributes: compact({
      fullPath: group.full_path,
      visibility: group.visibility,
      webUrl: group.web_url,
      parentId: group.parent_id ?? undefined,
      createdAt: toIsoTimestamp(group.created_at),
    }),
  };
  if (group.parent_id == null) return [resource];
  return [resource, { kind: "edge", type: "member_of", from: ref, to: groupRef(group.parent_id) }];
}

export function projectRecords(project: ProjectItem): KeywardRecordInput[] {
  const ref = projectRef(project.id);
  const environment = project.keyward.environment;
  const resource: KeywardRecordInput = {
    kind: "resource",
    ...ref,
    name: project.path_with_namespace,
    type: "repository",
    ...(environment ? { environment } : {}),
    attributes: compact({
      fullPath: project.path_with_namespace,
      visibility: project.visibility,
      archived: project.archived ?? undefined,
      webUrl: project.web_url,
      createdAt: toIsoTimestamp(project.created_at),
      lastActivityAt: toIsoTimestamp(project.last_activity_at),
    }),
  };
  const namespace = project.namespace;
  if (!namespace || namespace.kind !== "group") return [resource];
  return [resource, { kind: "edge", type: "member_of", from: ref, to: groupRef(namespace.id) }];
}
