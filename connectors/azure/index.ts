import { defineConnector } from "../sdk";
import { checkAzure } from "./check";
import { azureConfigSchema } from "./config";
import { graphFormats } from "./formats/graph-formats";
import { applicationsStream } from "./streams/applications";
import { servicePrincipalsStream } from "./streams/service-principals";
import { tenantStream } from "./streams/tenant";

/**
 * Microsoft Entra ID through Microsoft Graph: app registrations and their client secrets and
 * certificates, owners, service principals (Microsoft's first-party ones marked), managed
 * identities, and the app roles granted to each principal. See docs/connectors/azure.md.
 */
export const azureConnector = defineConnector({
  provider: "azure",
  displayName: "Microsoft Entra ID (Azure AD)",
  configSchema: azureConfigSchema,
  secretFields: ["clientSecret"],
  permissions: [
    {
      stream: "tenant",
      permission: "Microsoft Graph application permission Organization.Read.All",
      why: "read the tenant's name and domains (GET /organization/{id}); without it identities still link to the tenant id",
    },
    {
      stream: "applications",
      permission: "Microsoft Graph application permission Application.Read.All",
      why: "list app registrations with their secret and certificate metadata (never values) and their owners",
    },
    {
      stream: "service-principals",
      permission: "Microsoft Graph application permission Application.Read.All",
      why: "list service principals and managed identities, the app roles granted to each and the roles' names",
    },
  ],
  check: checkAzure,
  // One tenant per source, listed completely per stream.
  scopes: async (ctx) => [{ id: ctx.config.tenantId, label: `Entra ID tenant ${ctx.config.tenantId}` }],
  streams: [tenantStream, applicationsStream, servicePrincipalsStream],
  formats: graphFormats,
});
