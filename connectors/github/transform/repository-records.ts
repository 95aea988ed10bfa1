import type { KeywardRecordInput } from "../../sdk";
import { organizationRef, repositoryRef } from "../external-types";
import type { RepositoryItem } from "../schemas";
import { compact } from "./compact";

/** A repository as a resource, `member_of` its owner organization. */
export function repositoryRecords(repo: RepositoryItem): KeywardRecordInput[] {
  const environment = repo.keyward.environment;
  const ref = repositoryRef(repo.full_name);
  return [
    {
      kind: "resource",
      ...ref,
      name: repo.full_name,
      type: "repository",
      ...(environment ? { environment } : {}),
      attributes: compact({
        id: repo.id,
        private: repo.private,
        visibility: repo.visibility,
        archived: repo.archived ?? undefined,
        disabled: repo.disabled ?? undefined,
        defaultBranch: repo.default_branch,
        htmlUrl: repo.html_url,
      }),
    },
    { kind: "edge", type: "member_of", from: ref, to: organizationRef(repo.owner.login) },
  ];
}
