import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { organizationRef } from "../external-types";
import type { OrganizationItem } from "../schemas";
import { compact } from "./compact";

/** The organization as a resource: what installations, tokens and org secrets point at. */
export function organizationRecords(org: OrganizationItem): KeywardRecordInput[] {
  const environment = org.keyward.environment;
  return [
    {
      kind: "resource",
      ...organizationRef(org.login),
      name: org.login,
      type: "organization",
      ...(environment ? { environment } : {}),
      attributes: compact({
        id: org.id,
        displayName: org.name,
        description: org.description,
        htmlUrl: org.html_url,
        createdAt: toIsoTimestamp(org.created_at),
        twoFactorRequirementEnabled: org.two_factor_requirement_enabled ?? undefined,
      }),
    },
  ];
}
