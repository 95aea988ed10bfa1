import { defineConnector } from "../sdk";
import { checkGcp } from "./check";
import { gcpConfigSchema } from "./config";
import { gcloudFormats } from "./formats/gcloud-formats";
import { projectIamStream } from "./streams/project-iam";
import { serviceAccountKeysStream } from "./streams/service-account-keys";
import { serviceAccountsStream } from "./streams/service-accounts";

/**
 * Google Cloud IAM: service accounts per project (default accounts recognised), their keys
 * (user-managed and Google-held) and the roles the project's IAM policy grants them, summarised
 * to a privilege level. See docs/connectors/gcp.md.
 */
export const gcpConnector = defineConnector({
  provider: "gcp",
  displayName: "Google Cloud",
  configSchema: gcpConfigSchema,
  secretFields: ["serviceAccountKey", "accessToken"],
  permissions: [
    {
      stream: "service-accounts",
      permission: "iam.serviceAccounts.list",
      why: "list the project's service accounts (name, description, disabled state)",
    },
    {
      stream: "service-account-keys",
      permission: "iam.serviceAccountKeys.list",
      why: "list each service account's key metadata (id, type, validity, disabled state); never the private keys",
    },
    {
      stream: "project-iam",
      permission: "resourcemanager.projects.getIamPolicy",
      why: "read which roles the project grants to service accounts, to grade their privileges",
    },
  ],
  check: checkGcp,
  // One scope per project, each listed completely per stream.
  scopes: async (ctx) => [...new Set(ctx.config.projectIds)].map((id) => ({ id, label: `Google Cloud project ${id}` })),
  streams: [serviceAccountsStream, serviceAccountKeysStream, projectIamStream],
  formats: gcloudFormats,
});
