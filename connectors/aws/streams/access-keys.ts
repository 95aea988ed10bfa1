import { GetAccessKeyLastUsedCommand, ListAccessKeysCommand } from "@aws-sdk/client-iam";
import { defineStream, SdkError } from "../../sdk";
import { callAws } from "../client/aws-errors";
import { awsSessionOf } from "../client/aws-session";
import { awsConfigSchema, DETAIL_CONCURRENCY, type AwsConfig } from "../config";
import { ACCESS_KEY_TYPE } from "../external-types";
import { accessKeyItemSchema, type AccessKeyItem } from "../schemas";
import { scopePartsOf } from "../scopes";
import { accessKeyRecords } from "../transform/access-key-records";
import { asJson, liveContext, mapInBatches } from "./live-context";

/** Each user's access keys (ListAccessKeys), with when, where and for what each was last used. */
export const accessKeysStream = defineStream<AwsConfig, AccessKeyItem>({
  name: "access-keys",
  externalTypes: [ACCESS_KEY_TYPE],
  item: accessKeyItemSchema,
  config: awsConfigSchema,
  parent: "users",
  async list({ scope, cursor, parent, ctx }) {
    const { accountId } = scopePartsOf(scope.id);
    if (!parent) throw new SdkError("no_parent", "access keys are listed per user");
    const iam = await awsSessionOf(ctx).iam(accountId);
    const page = await callAws("iam:ListAccessKeys", () =>
      iam.send(new ListAccessKeysCommand({ UserName: parent.id, Marker: cursor, MaxItems: ctx.config.pageSize }), { abortSignal: ctx.signal }),
    );
    const keyward = liveContext(ctx.config, accountId);
    const items = await mapInBatches(page.AccessKeyMetadata ?? [], DETAIL_CONCURRENCY, async (key) => {
      const used = await callAws("iam:GetAccessKeyLastUsed", () =>
        iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }), { abortSignal: ctx.signal }),
      );
      return asJson({ ...key, AccessKeyLastUsed: used.AccessKeyLastUsed ?? {}, keyward });
    });
    return { items, ...(page.IsTruncated && page.Marker ? { nextCursor: page.Marker } : {}) };
  },
  transform: (key) => accessKeyRecords(key),
});
