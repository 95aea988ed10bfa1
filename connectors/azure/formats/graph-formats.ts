import { defineFormat, FormatError, parseFileWith, type FormatBatch, type InspectedFile } from "../../sdk";
import { pageSchema, type ItemContext } from "../schemas";
import { GUID, ownersAppIdOf, tenantIdOf } from "./import-path";

/*
 * Saved Microsoft Graph responses (`az rest --method get --url …` or Graph Explorer). Each page
 * of a collection names its entity set in `@odata.context`, which is how they are recognised
 * — by content; the path only supplies what Graph leaves out (tenant, the owners' application).
 * A response's `@odata.nextLink` page is simply another file.
 */

const CONTEXT = {
  // An optional `(…)` lists $select/$expand; it never holds a "/", which navigation adds.
  applications: /\$metadata#applications(\([^/]*\))?$/,
  servicePrincipals: /\$metadata#servicePrincipals(\([^/]*\))?$/,
  organization: /\$metadata#organization(\([^/]*\))?$/,
  directoryObjects: /\$metadata#directoryObjects(\([^/]*\))?$/,
  assignments: new RegExp(`\\$metadata#servicePrincipals\\('(${GUID})'\\)/appRoleAssignments(\\([^/]*\\))?$`),
} as const;

/** `@odata.context` of a Graph collection page, or undefined for anything else. */
function contextOf(file: InspectedFile): string | undefined {
  const json = file.json as { "@odata.context"?: unknown; value?: unknown } | undefined;
  if (!json || typeof json !== "object" || Array.isArray(json) || !Array.isArray(json.value)) return undefined;
  return typeof json["@odata.context"] === "string" ? json["@odata.context"] : undefined;
}

/** The context of an offline item: the tenant from the path, observed at import time. */
function importContext(file: InspectedFile): ItemContext {
  const tenantId = tenantIdOf(file.path);
  return { ...(tenantId ? { tenantId } : {}), observedAt: new Date().toISOString() };
}

function pageOf(file: InspectedFile): unknown[] {
  return parseFileWith(file, pageSchema).value;
}

const withContext = (items: readonly unknown[], keyward: ItemContext) => items.map((item) => ({ ...(item as object), keyward }));

export const graphApplicationsFormat = defineFormat({
  id: "azure.graph-applications",
  description: "Microsoft Graph GET /applications response (one page; $expand=owners allowed)",
  detect: (file) => CONTEXT.applications.test(contextOf(file) ?? ""),
  parse: (file): FormatBatch[] => [{ stream: "applications", items: withContext(pageOf(file), importContext(file)) }],
});

export const graphServicePrincipalsFormat = defineFormat({
  id: "azure.graph-service-principals",
  description: "Microsoft Graph GET /servicePrincipals response (one page; $expand=appRoleAssignments allowed)",
  detect: (file) => CONTEXT.servicePrincipals.test(contextOf(file) ?? ""),
  parse: (file): FormatBatch[] => [{ stream: "service-principals", items: withContext(pageOf(file), importContext(file)) }],
});

export const graphOrganizationFormat = defineFormat({
  id: "azure.graph-organization",
  description: "Microsoft Graph GET /organization response",
  detect: (file) => CONTEXT.organization.test(contextOf(file) ?? ""),
  parse: (file): FormatBatch[] => [
    { stream: "tenant", items: withContext(pageOf(file), { observedAt: new Date().toISOString() }) },
  ],
});

/**
 * GET /applications/{id}/owners answers a bare `directoryObjects` collection, like many other
 * Graph calls; only an owners path (which also names the application) makes it an owners file.
 */
export const graphApplicationOwnersFormat = defineFormat({
  id: "azure.graph-application-owners",
  description: "Microsoft Graph GET /applications(appId='{appId}')/owners response saved as owners/<appId>.json",
  detect: (file) => CONTEXT.directoryObjects.test(contextOf(file) ?? "") && ownersAppIdOf(file.path) !== undefined,
  parse: (file): FormatBatch[] => {
    const appId = ownersAppIdOf(file.path);
    if (!appId) throw new FormatError("parse_failed", { file: file.path, reason: "the path names no application" });
    return [{ stream: "applications", items: [{ ownersOf: appId, owners: pageOf(file), keyward: importContext(file) }] }];
  },
});

/** GET /servicePrincipals/{id}/appRoleAssignments: its `@odata.context` names the principal. */
export const graphAppRoleAssignmentsFormat = defineFormat({
  id: "azure.graph-app-role-assignments",
  description: "Microsoft Graph GET /servicePrincipals/{id}/appRoleAssignments response",
  detect: (file) => CONTEXT.assignments.test(contextOf(file) ?? ""),
  parse: (file): FormatBatch[] => {
    const principalId = CONTEXT.assignments.exec(contextOf(file) ?? "")?.[1]?.toLowerCase();
    if (!principalId) throw new FormatError("parse_failed", { file: file.path, reason: "@odata.context names no principal" });
    const item = { assignmentsOf: principalId, appRoleAssignments: pageOf(file), keyward: importContext(file) };
    return [{ stream: "service-principals", items: [item] }];
  },
});

export const graphFormats = [
  graphApplicationsFormat,
  graphServicePrincipalsFormat,
  graphOrganizationFormat,
  graphApplicationOwnersFormat,
  graphAppRoleAssignmentsFormat,
];
