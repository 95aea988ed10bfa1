import { ListSecretsCommand } from "@aws-sdk/client-secrets-manager";
import { defineStream } from "../../sdk";
import { callAws } from "../client/aws-errors";
import { awsSessionOf } from "../client/aws-session";
import { awsConfigSchema, type AwsConfig } from "../config";
import { SECRET_TYPE } from "../external-types";
import { secretItemSchema, type SecretItem } from "../schemas";
import { scopePartsOf } from "../scopes";
import { secretRecords } from "../transform/secret-records";
import { asJson, liveContext } from "./live-context";

/**
 * Secrets Manager secrets of one account × region (ListSecrets: rotation, dates and tags in one
 * call; never a value). Secrets scheduled for deletion are included, so they show as inactive
 * rather than vanishing before they are gone.
 */
export const secretsStream = defineStream<AwsConfig, SecretItem>({
  name: "secrets",
  externalTypes: [SECRET_TYPE],
  item: secretItemSchema,
  config: awsConfigSchema,
  async list({ scope, cursor, ctx }) {
    const { accountId, region } = scopePartsOf(scope.id);
    if (!region) return { items: [] };
    const client = await awsSessionOf(ctx).secretsManager(accountId, region);
    const page = await callAws("secretsmanager:ListSecrets", () =>
      client.send(new ListSecretsCommand({ NextToken: cursor, MaxResults: ctx.config.pageSize, IncludePlannedDeletion: true }), {
        abortSignal: ctx.signal,
      }),
    );
    const keyward = liveContext(ctx.config, accountId, region);
    const items = (page.SecretList ?? []).map((secret) => asJson({ ...secret, keyward }));
    return { items, ...(page.NextToken ? { nextCursor: page.NextToken } : {}) };
  },
  transform: (secret) => secretRecords(secret),
});
