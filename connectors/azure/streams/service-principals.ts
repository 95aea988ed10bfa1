import { z } from "zod";
import { defineStream } from "../../sdk";
import { azureConfigSchema, type AzureConfig } from "../config";
import { SERVICE_PRINCIPAL_TYPE, SP_KEY_CREDENTIAL_TYPE, SP_PASSWORD_CREDENTIAL_TYPE } from "../external-types";
import { graphSessionOf, type GraphSession } from "../graph/graph-session";
import { appRoleAssignmentSchema, appRoleSchema, servicePrincipalItemSchema, type ServicePrincipalItem } from "../schemas";
import { servicePrincipalItemRecords } from "../transform/service-principal-records";
import { liveContext, mapInBatches, objectIdOf } from "./live-context";

export const SERVICE_PRINCIPAL_SELECT = [
  "id",
  "appId",
  "displayName",
  "accountEnabled",
  "appOwnerOrganizationId",
  "servicePrincipalType",
  "alternativeNames",
  "signInAudience",
  "notes",
  "tags",
  "passwordCredentials",
  "keyCredentials",
].join(",");

/** Assignment listings sent at once per page. */
export const ASSIGNMENT_LOOKUPS_IN_FLIGHT = 4;

const appRolesSchema = z.object({ appRoles: z.array(appRoleSchema).nullish() });

/** Role names per resource, read once per sync: most grants point at a handful of resources. */
const roleNamesBySession = new WeakMap<GraphSession, Map<string, Promise<Record<string, string>>>>();

function roleNamesOf(graph: GraphSession, resourceId: string): Promise<Record<string, string>> {
  let cache = roleNamesBySession.get(graph);
  if (!cache) roleNamesBySession.set(graph, (cache = new Map()));
  let names = cache.get(resourceId);
  if (!names) {
    const url = graph.url(`servicePrincipals/${resourceId}`, { $select: "id,appRoles" });
    names = graph
      .get(url, appRolesSchema)
      .then(({ appRoles }) =>
        Object.fromEntries((appRoles ?? []).flatMap((role) => (role.value ? [[role.id, role.value]] : []))),
      );
    cache.set(resourceId, names);
  }
  return names;
}

/** A principal's grants (every page) and the names of the roles they hold. */
async function grantsOf(graph: GraphSession, principalId: string) {
  const raw = await graph.all(graph.url(`servicePrincipals/${principalId}/appRoleAssignments`));
  const assignments = z.array(appRoleAssignmentSchema).parse(raw);
  const appRoleValues: Record<string, string> = {};
  for (const assignment of assignments) {
    const name = (await roleNamesOf(graph, assignment.resourceId))[assignment.appRoleId];
    if (name) appRoleValues[assignment.appRoleId] = name;
  }
  return { appRoleAssignments: raw, appRoleValues };
}

/**
 * Service principals and managed identities (GET /servicePrincipals, paged) with the app roles
 * granted to each (GET /servicePrincipals/{id}/appRoleAssignments), named from the resource's
 * `appRoles`. The same shape as `$expand=appRoleAssignments` offline.
 */
export const servicePrincipalsStream = defineStream<AzureConfig, ServicePrincipalItem>({
  name: "service-principals",
  externalTypes: [SERVICE_PRINCIPAL_TYPE, SP_PASSWORD_CREDENTIAL_TYPE, SP_KEY_CREDENTIAL_TYPE],
  item: servicePrincipalItemSchema,
  config: azureConfigSchema,
  async list({ cursor, ctx }) {
    const graph = graphSessionOf(ctx);
    const page = await graph.page(
      cursor ?? graph.url("servicePrincipals", { $select: SERVICE_PRINCIPAL_SELECT, $top: String(ctx.config.pageSize) }),
    );
    const keyward = liveContext(ctx.config);
    const items = await mapInBatches(page.value, ASSIGNMENT_LOOKUPS_IN_FLIGHT, async (sp) => ({
      ...(sp as object),
      ...(await grantsOf(graph, objectIdOf(sp))),
      keyward,
    }));
    return { items, ...(page.nextLink ? { nextCursor: page.nextLink } : {}) };
  },
  transform: (item) => servicePrincipalItemRecords(item),
});
