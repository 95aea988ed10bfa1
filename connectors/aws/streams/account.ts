import { ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { defineStream } from "../../sdk";
import { callAws } from "../client/aws-errors";
import { awsSessionOf } from "../client/aws-session";
import { awsConfigSchema, type AwsConfig } from "../config";
import { ACCOUNT_TYPE } from "../external-types";
import { accountItemSchema, type AccountItem } from "../schemas";
import { scopePartsOf } from "../scopes";
import { accountRecords } from "../transform/account-records";
import { liveContext } from "./live-context";

/** The account itself (`cloud_account`), named by its alias; listed in the account's global scope. */
export const accountStream = defineStream<AwsConfig, AccountItem>({
  name: "account",
  externalTypes: [ACCOUNT_TYPE],
  item: accountItemSchema,
  config: awsConfigSchema,
  async list({ scope, ctx }) {
    const { accountId, region } = scopePartsOf(scope.id);
    if (region) return { items: [] };
    const iam = await awsSessionOf(ctx).iam(accountId);
    const answer = await callAws("iam:ListAccountAliases", () => iam.send(new ListAccountAliasesCommand({}), { abortSignal: ctx.signal }));
    return { items: [{ Account: accountId, AccountAliases: answer.AccountAliases ?? [], keyward: liveContext(ctx.config, accountId) }] };
  },
  transform: (account) => accountRecords(account),
});
