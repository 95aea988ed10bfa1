import { SdkError, type ParentRef, type StreamPage } from "../../sdk";
import { GitlabApiError } from "../client/gitlab-errors";
import { environmentOf, type GitlabConfig } from "../config";
import type { ItemContext } from "../schemas";

/** What a live listing knows about items of a group or project: which one, its path, its configured environment. */
export function namespaceContext(
  config: GitlabConfig,
  level: "group" | "project",
  id: string,
  path: string | undefined,
): ItemContext {
  const environment = environmentOf(config, path);
  return { level, ownerId: id, ...(path ? { ownerPath: path } : {}), ...(environment ? { environment } : {}) };
}

export function requireParent(parent: ParentRef | undefined, what: string): ParentRef {
  if (!parent) throw new SdkError("missing_parent", `${what} are listed per parent`);
  return parent;
}

/** A group or project deleted since it was listed took its children with it: an empty first page, not a failure. */
export async function goneIsEmpty(cursor: string | undefined, list: () => Promise<StreamPage>): Promise<StreamPage> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof GitlabApiError && error.status === 404 && cursor === undefined) return { items: [] };
    throw error;
  }
}
