import { defineStream } from "../../sdk";
import { callGoogle } from "../client/google-errors";
import { googleSessionOf } from "../client/google-session";
import { gcpConfigSchema, type GcpConfig } from "../config";
import { SERVICE_ACCOUNT_TYPE } from "../external-types";
import { serviceAccountItemSchema, type ServiceAccountItem } from "../schemas";
import { serviceAccountRecords } from "../transform/service-account-records";
import { liveContext } from "./live-context";

/** Service accounts of the scope's project (projects.serviceAccounts.list, paged by pageToken). */
export const serviceAccountsStream = defineStream<GcpConfig, ServiceAccountItem>({
  name: "service-accounts",
  externalTypes: [SERVICE_ACCOUNT_TYPE],
  item: serviceAccountItemSchema,
  config: gcpConfigSchema,
  parentKey: (account) => ({ id: account.email.toLowerCase(), name: account.email }),
  async list({ scope, cursor, ctx }) {
    const { iam } = googleSessionOf(ctx);
    const { data } = await callGoogle(() =>
      iam.projects.serviceAccounts.list({ name: `projects/${scope.id}`, pageSize: ctx.config.pageSize, pageToken: cursor }),
    );
    const keyward = liveContext(ctx.config, scope.id);
    const items = (data.accounts ?? []).map((account) => ({ ...account, keyward }));
    return { items, ...(data.nextPageToken ? { nextCursor: data.nextPageToken } : {}) };
  },
  transform: (account) => serviceAccountRecords(account),
});
