import type { KeywardRecordInput } from "../../sdk";
import { toIsoTimestamp } from "../../sdk";
import { iamResourceOf, parseArn } from "../arn";
import { accountRef, userRef, USER_TYPE, type Ref } from "../external-types";
import type { ItemContext, LiveUserItem, ReportUserItem, UserItem, UserTagsItem } from "../schemas";
import { classifyUser } from "./classify-user";
import { compact } from "./compact";
import { conventionsFor } from "./conventions";
import { ownedByEdge, ownershipOf, tagMap } from "./ownership";
import { permissionEdges } from "./permission-edge";
import { reportFlag, reportKeySlots, reportTime } from "./report-cells";

/*
 * IAM users, from the live listing or a credential report row. Both know the user's ARN, hence
 * its account; the report also knows the console password, MFA and the two key slots' use, but no
 * access key id, so its slots stay attributes of the user (the keys themselves come from
 * `list-access-keys`, keyed by id).
 */

const latest = (...times: (string | undefined)[]) => times.filter((t): t is string => t !== undefined).sort().at(-1);

interface Located {
  readonly ref: Ref;
  readonly accountId: string;
  readonly partition: string;
  readonly path: string;
  readonly name: string;
  readonly root: boolean;
}

/** Where an ARN puts the user; the root user's ARN is `arn:aws:iam::<account>:root`. */
function locate(arnText: string, fallbackName: string): Located | undefined {
  const arn = parseArn(arnText);
  if (!arn || !arn.accountId) return undefined;
  if (arn.resource === "root") {
    return { ref: { externalType: USER_TYPE, externalId: arnText }, accountId: arn.accountId, partition: arn.partition, path: "/", name: "root", root: true };
  }
  const { name, path } = iamResourceOf(arn);
  return { ref: userRef(arn.accountId, name || fallbackName, arn.partition), accountId: arn.accountId, partition: arn.partition, path, name: name || fallbackName, root: false };
}

function environmentOf(tagEnvironment: string | undefined, context: ItemContext | undefined) {
  const environment = tagEnvironment ?? context?.environment;
  return environment ? { environment } : {};
}

function liveUserRecords(item: LiveUserItem): KeywardRecordInput[] {
  const { User: user, keyward: context } = item;
  const where = locate(user.Arn, user.UserName);
  if (!where) return [];
  const conventions = conventionsFor(context);
  const ownership = ownershipOf(item.Tags, conventions);
  const consolePassword = item.LoginProfile !== null;
  const mfaActive = item.MFADevices.length > 0;
  const verdict = classifyUser({ name: user.UserName, root: false, consolePassword, mfaActive }, conventions);
  const identity: KeywardRecordInput = {
    kind: "identity",
    ...where.ref,
    name: user.UserName,
    type: "iam_user",
    status: "active",
    ...environmentOf(ownership.environment, context),
    ...compact({ createdAt: toIsoTimestamp(user.CreateDate), lastActivityAt: toIsoTimestamp(user.PasswordLastUsed) }),
    isHuman: verdict.isHuman,
    interactive: verdict.interactive,
    ...(ownership.ownerHint ? { ownerHint: ownership.ownerHint } : {}),
    attributes: compact({
      accountId: where.accountId,
      arn: user.Arn,
      userId: user.UserId,
      path: where.path,
      consolePassword,
      passwordResetRequired: item.LoginProfile?.PasswordResetRequired,
      mfaActive,
      mfaDevices: item.MFADevices.length,
      classification: verdict.basis,
      permissionsBoundary: user.PermissionsBoundary?.PermissionsBoundaryArn,
    }),
    tags: tagMap(item.Tags),
  };
  return [identity, memberOf(where), ...permissionEdges(where.ref, where.accountId, item.Policies)];
}

function reportUserRecords(item: ReportUserItem): KeywardRecordInput[] {
  const row = item.CredentialReportRow;
  const where = locate(row.arn, row.user);
  if (!where) return [];
  const consolePassword = where.root || reportFlag(row.password_enabled);
  const mfaActive = reportFlag(row.mfa_active);
  const verdict = classifyUser({ name: row.user, root: where.root, consolePassword, mfaActive }, conventionsFor(item.keyward));
  const slots = reportKeySlots(row);
  const passwordLastUsed = reportTime(row.password_last_used);
  const identity: KeywardRecordInput = {
    kind: "identity",
    ...where.ref,
    name: where.root ? `root (${where.accountId})` : row.user,
    type: "iam_user",
    status: "active",
    ...environmentOf(undefined, item.keyward),
    ...compact({
      createdAt: reportTime(row.user_creation_time),
      lastActivityAt: latest(passwordLastUsed, ...slots.map((s) => s.lastUsedAt)),
    }),
    isHuman: verdict.isHuman,
    interactive: verdict.interactive,
    attributes: compact({
      accountId: where.accountId,
      arn: row.arn,
      path: where.path,
      root: where.root || undefined,
      consolePassword,
      mfaActive,
      classification: verdict.basis,
      passwordLastUsed,
      passwordLastChanged: reportTime(row.password_last_changed),
      activeAccessKeys: slots.filter((s) => s.active).length,
      accessKeySlots: slots.map((s) => ({ ...s })),
      activeSigningCertificates: [row.cert_1_active, row.cert_2_active].filter(reportFlag).length,
      source: "credential-report",
    }),
  };
  return [identity, memberOf(where)];
}

/** Tags saved apart from their user: only the owner edge (the user identity comes from elsewhere). */
function userTagsRecords(item: UserTagsItem): KeywardRecordInput[] {
  const { accountId, userName, partition } = item.UserTagsOf;
  return ownedByEdge(userRef(accountId, userName, partition), ownershipOf(item.Tags, conventionsFor(item.keyward)));
}

function memberOf(where: Located): KeywardRecordInput {
  return { kind: "edge", type: "member_of", from: where.ref, to: accountRef(where.accountId) };
}

export function userItemRecords(item: UserItem): KeywardRecordInput[] {
  if ("User" in item) return liveUserRecords(item);
  if ("CredentialReportRow" in item) return reportUserRecords(item);
  return userTagsRecords(item);
}
