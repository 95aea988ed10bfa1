import { ListUsersCommand } from "@aws-sdk/client-iam";
import type { CheckResult, ConnectorContext } from "../sdk";
import { callAws } from "./client/aws-errors";
import { awsSessionOf } from "./client/aws-session";
import type { AwsConfig } from "./config";

/*
 * "Test connection": who the credentials are (sts:GetCallerIdentity), then, in every account, one
 * IAM listing of one user (through the assumed role where one is configured). The detail names
 * accounts and error codes, never a credential.
 */
export async function checkAws(ctx: ConnectorContext<AwsConfig>): Promise<CheckResult> {
  const session = awsSessionOf(ctx);
  try {
    const caller = await session.callerAccount();
    const accounts = await session.accounts();
    for (const { accountId } of accounts) {
      const iam = await session.iam(accountId);
      await callAws("iam:ListUsers", () => iam.send(new ListUsersCommand({ MaxItems: 1 }), { abortSignal: ctx.signal }));
    }
    return { ok: true, detail: `signed in from account ${caller}; IAM readable in ${accounts.map((a) => a.accountId).join(", ")}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : "error";
    const message = error instanceof Error && error.name === "AwsAccessDeniedError" ? error.message : name;
    return { ok: false, detail: `AWS refused the check: ${message}` };
  }
}

