import "server-only";
import type { Caller } from "@/lib/auth/session-context";
import { blastRadius, type BlastRadiusRequest } from "@/lib/inventory/blast-radius";
import { groupByPrivilege, groupPrincipals, type PrincipalGroup, type PrivilegeGroup } from "@/lib/inventory/blast-radius-groups";
import { layoutBlastRadius, type BlastGraph } from "@/lib/inventory/blast-radius-layout";
import type { BlastRadiusResult } from "@/lib/inventory/blast-radius-query";

export type BlastRadiusView = BlastRadiusResult & { privilegeGroups: PrivilegeGroup[]; principals: PrincipalGroup[]; graph: BlastGraph };

/** The blast radius with everything the page and the API show of it: grouped lists and a laid-out graph. */
export async function blastRadiusView(caller: Caller, startId: string, options: BlastRadiusRequest = {}): Promise<BlastRadiusView> {
  const radius = await blastRadius(caller, startId, options);
  return {
    ...radius,
    privilegeGroups: groupByPrivilege(radius.nodes, radius.grants),
    principals: groupPrincipals(radius.nodes),
    graph: layoutBlastRadius(radius.nodes),
  };
}
