import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { tenantRef } from "../external-types";
import type { Organization } from "../schemas";
import { compact } from "./compact";

/** The tenant as a resource of type `organization`: what every identity is a `member_of`. */
export function tenantRecords(org: Organization): KeywardRecordInput[] {
  const initial = org.verifiedDomains.find((d) => d.isInitial)?.name;
  const primary = org.verifiedDomains.find((d) => d.isDefault)?.name;
  return [
    {
      kind: "resource",
      ...tenantRef(org.id),
      name: org.displayName || primary || org.id,
      type: "organization",
      ...compact({ environment: org.keyward.environment }),
      attributes: compact({
        tenantId: org.id,
        defaultDomain: primary,
        initialDomain: initial,
        createdAt: toIsoTimestamp(org.createdDateTime),
      }),
    },
  ];
}
