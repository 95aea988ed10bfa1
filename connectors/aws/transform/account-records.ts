import type { KeywardRecordInput } from "../../sdk";
import { ACCOUNT_TYPE } from "../external-types";
import type { AccountItem } from "../schemas";
import { compact } from "./compact";

/** The account every identity is `member_of` and every permission edge points at. */
export function accountRecords(account: AccountItem): KeywardRecordInput[] {
  const [alias] = account.AccountAliases;
  const environment = account.keyward?.environment;
  return [
    {
      kind: "resource",
      externalType: ACCOUNT_TYPE,
      externalId: account.Account,
      name: alias ? `${alias} (${account.Account})` : `AWS account ${account.Account}`,
      type: "cloud_account",
      ...(environment ? { environment } : {}),
      attributes: compact({ accountId: account.Account, aliases: account.AccountAliases, partition: account.Arn?.split(":")[1] }),
    },
  ];
}
