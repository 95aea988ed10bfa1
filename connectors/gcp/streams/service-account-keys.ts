import { defineStream, SdkError } from "../../sdk";
import { callGoogle, GoogleApiError } from "../client/google-errors";
import { googleSessionOf } from "../client/google-session";
import { gcpConfigSchema, type GcpConfig } from "../config";
import { SERVICE_ACCOUNT_KEY_TYPE } from "../external-types";
import { serviceAccountKeyItemSchema, type ServiceAccountKeyItem } from "../schemas";
import { serviceAccountKeyRecords } from "../transform/key-records";
import { liveContext } from "./live-context";

/**
 * Keys of one service account (projects.serviceAccounts.keys.list; one page, the API does not
 * paginate keys), user-managed and Google-held alike.
 */
export const serviceAccountKeysStream = defineStream<GcpConfig, ServiceAccountKeyItem>({
  name: "service-account-keys",
  externalTypes: [SERVICE_ACCOUNT_KEY_TYPE],
  item: serviceAccountKeyItemSchema,
  config: gcpConfigSchema,
  parent: "service-accounts",
  async list({ scope, parent, ctx }) {
    if (!parent) throw new SdkError("missing_parent", "service-account keys are listed per service account");
    const { iam } = googleSessionOf(ctx);
    const name = `projects/${scope.id}/serviceAccounts/${parent.id}`;
    try {
      const { data } = await callGoogle(() => iam.projects.serviceAccounts.keys.list({ name }));
      const keyward = liveContext(ctx.config, scope.id);
      return { items: (data.keys ?? []).map((key) => ({ ...key, keyward })) };
    } catch (error) {
      // The account was deleted since it was listed: its keys went with it.
      if (error instanceof GoogleApiError && error.status === 404) return { items: [] };
      throw error;
    }
  },
  transform: (key) => serviceAccountKeyRecords(key),
});
