import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { actionsSecretRef, organizationRef, orgActionsSecretRef, repositoryRef } from "../external-types";
import type { OrganizationSecretItem, RepositorySecretItem } from "../schemas";
import { compact } from "./compact";

/*
 * Actions secrets as `ci_variable` credentials. GitHub never returns a value, so there is no
 * fingerprint; `updated_at` is when the value was last set, i.e. the last rotation. A repository
 * secret is `stored_in` its repository; an organization secret in its organization and, when its
 * visibility is `selected`, in each repository it is shared with (those workflows can read it).
 */

export function repositorySecretRecords(secret: RepositorySecretItem): KeywardRecordInput[] {
  const repository = secret.keyward.repo ?? "";
  const ref = actionsSecretRef(repository, secret.name);
  const environment = secret.keyward.environment;
  return [
    {
      kind: "credential",
      ...ref,
      name: secret.name,
      type: "ci_variable",
      status: "active",
      ...(environment ? { environment } : {}),
      createdAt: toIsoTimestamp(secret.created_at),
      lastRotatedAt: toIsoTimestamp(secret.updated_at),
      attributes: { level: "repository", repository: repository.toLowerCase(), valueReadable: false },
    },
    { kind: "edge", type: "stored_in", from: ref, to: repositoryRef(repository) },
  ];
}

/** `…/orgs/{org}/actions/secrets/{name}/repositories` names the organization. */
const SELECTED_REPOSITORIES_URL = /\/orgs\/([^/]+)\/actions\/secrets\/[^/]+\/repositories$/;

export function organizationOfSecret(
  secret: Pick<OrganizationSecretItem, "keyward" | "selected_repositories_url">,
): string | undefined {
  return secret.keyward.org ?? SELECTED_REPOSITORIES_URL.exec(secret.selected_repositories_url ?? "")?.[1];
}

export function organizationSecretRecords(secret: OrganizationSecretItem): KeywardRecordInput[] {
  const org = organizationOfSecret(secret) ?? "";
  const ref = orgActionsSecretRef(org, secret.name);
  const environment = secret.keyward.environment;
  const selected =
    secret.visibility === "selected" ? secret.keyward.selectedRepositories?.map((name) => name.toLowerCase()).sort() : undefined;
  return [
    {
      kind: "credential",
      ...ref,
      name: secret.name,
      type: "ci_variable",
      status: "active",
      ...(environment ? { environment } : {}),
      createdAt: toIsoTimestamp(secret.created_at),
      lastRotatedAt: toIsoTimestamp(secret.updated_at),
      attributes: compact({
        level: "organization",
        organization: org.toLowerCase(),
        visibility: secret.visibility,
        selectedRepositories: selected,
        valueReadable: false,
      }),
    },
    { kind: "edge", type: "stored_in", from: ref, to: organizationRef(org), attributes: { visibility: secret.visibility } },
    ...(selected ?? []).map((name): KeywardRecordInput => ({
      kind: "edge",
      type: "stored_in",
      from: ref,
      to: repositoryRef(name),
      attributes: { visibility: "selected" },
    })),
  ];
}
