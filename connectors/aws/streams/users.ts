import {
  GetLoginProfileCommand,
  ListMFADevicesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  type IAMClient,
  type User,
} from "@aws-sdk/client-iam";
import { defineStream } from "../../sdk";
import { callAws } from "../client/aws-errors";
import { awsSessionOf, type AwsSession } from "../client/aws-session";
import { awsConfigSchema, DETAIL_CONCURRENCY, type AwsConfig } from "../config";
import { USER_TYPE } from "../external-types";
import { userItemSchema, type ItemContext, type UserItem } from "../schemas";
import { scopePartsOf } from "../scopes";
import { userItemRecords } from "../transform/user-records";
import { allMarkerPages, asJson, liveContext, mapInBatches } from "./live-context";
import { readPolicies } from "./policies";

/*
 * IAM users: ListUsers pages, each user completed with its tags, console password (login
 * profile), MFA devices and policies. A denial on any of these fails the page: a user without its
 * MFA facts would be misclassified, and the runner then keeps the previous state instead.
 */

const NO_SUCH_ENTITY = new Set(["NoSuchEntityException", "NoSuchEntity"]);

async function loginProfile(iam: IAMClient, UserName: string, signal: AbortSignal) {
  try {
    const answer = await callAws("iam:GetLoginProfile", () => iam.send(new GetLoginProfileCommand({ UserName }), { abortSignal: signal }));
    return answer.LoginProfile ?? null;
  } catch (error) {
    // IAM's way of saying "this user has no console password".
    if (NO_SUCH_ENTITY.has((error as { name?: string }).name ?? "")) return null;
    throw error;
  }
}

async function describeUser(session: AwsSession, iam: IAMClient, user: User, keyward: ItemContext): Promise<unknown> {
  const UserName = user.UserName ?? "";
  const { signal } = session;
  const Tags = await allMarkerPages(async (Marker) => {
    const answer = await callAws("iam:ListUserTags", () => iam.send(new ListUserTagsCommand({ UserName, Marker }), { abortSignal: signal }));
    return { ...answer, items: answer.Tags };
  });
  const MFADevices = await allMarkerPages(async (Marker) => {
    const answer = await callAws("iam:ListMFADevices", () => iam.send(new ListMFADevicesCommand({ UserName, Marker }), { abortSignal: signal }));
    return { ...answer, items: answer.MFADevices };
  });
  const LoginProfile = await loginProfile(iam, UserName, signal);
  const Policies = await readPolicies(session, iam, { kind: "user", name: UserName });
  return asJson({ User: user, Tags, LoginProfile, MFADevices, Policies, keyward });
}

function userNameOf(item: UserItem): string {
  if ("User" in item) return item.User.UserName;
  if ("CredentialReportRow" in item) return item.CredentialReportRow.user;
  return item.UserTagsOf.userName;
}

export const usersStream = defineStream<AwsConfig, UserItem>({
  name: "users",
  externalTypes: [USER_TYPE],
  item: userItemSchema,
  config: awsConfigSchema,
  parentKey: (item) => ({ id: userNameOf(item) }),
  async list({ scope, cursor, ctx }) {
    const { accountId, region } = scopePartsOf(scope.id);
    if (region) return { items: [] };
    const session = awsSessionOf(ctx);
    const iam = await session.iam(accountId);
    const page = await callAws("iam:ListUsers", () =>
      iam.send(new ListUsersCommand({ Marker: cursor, MaxItems: ctx.config.pageSize }), { abortSignal: ctx.signal }),
    );
    const keyward = liveContext(ctx.config, accountId);
    const items = await mapInBatches(page.Users ?? [], DETAIL_CONCURRENCY, (user) => describeUser(session, iam, user, keyward));
    return { items, ...(page.IsTruncated && page.Marker ? { nextCursor: page.Marker } : {}) };
  },
  transform: (item) => userItemRecords(item),
});
