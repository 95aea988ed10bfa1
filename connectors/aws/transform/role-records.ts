import type { KeywardRecordInput } from "../../sdk";
import { toIsoTimestamp } from "../../sdk";
import { iamResourceOf, parseArn } from "../arn";
import { accountRef, roleRef } from "../external-types";
import type { RoleItem } from "../schemas";
import { compact } from "./compact";
import { conventionsFor } from "./conventions";
import { ownershipOf, tagMap } from "./ownership";
import { permissionEdges } from "./permission-edge";
import { trustEdges } from "./trust-policy";

/*
 * IAM roles with their trust policy (who can assume them) and the privilege level of their
 * policies. Service-linked roles (path /aws-service-role/) are AWS's own, created and trusted for
 * one service; SSO permission-set roles (/aws-reserved/sso.amazonaws.com/) are worn by people.
 */

const SERVICE_LINKED_PATH = "/aws-service-role/";
const SSO_PATH = "/aws-reserved/sso.amazonaws.com/";

export function roleRecords(role: RoleItem): KeywardRecordInput[] {
  const arn = parseArn(role.Arn);
  if (!arn || !arn.accountId) return [];
  const { name } = iamResourceOf(arn);
  const ref = roleRef(arn.accountId, name || role.RoleName, arn.partition);
  const ownership = ownershipOf(role.Tags, conventionsFor(role.keyward), role.Description);
  const serviceLinked = role.Path.startsWith(SERVICE_LINKED_PATH);
  const sso = role.Path.startsWith(SSO_PATH);
  const environment = ownership.environment ?? role.keyward?.environment;
  const identity: KeywardRecordInput = {
    kind: "identity",
    ...ref,
    name: role.RoleName,
    type: "iam_role",
    status: "active",
    ...(environment ? { environment } : {}),
    ...compact({ createdAt: toIsoTimestamp(role.CreateDate), lastActivityAt: toIsoTimestamp(role.RoleLastUsed?.LastUsedDate) }),
    // People assume SSO roles; whether anyone assumes another role by hand cannot be told.
    isHuman: sso ? true : serviceLinked ? false : null,
    interactive: sso ? true : serviceLinked ? false : null,
    ...(ownership.ownerHint ? { ownerHint: ownership.ownerHint } : {}),
    attributes: compact({
      accountId: arn.accountId,
      arn: role.Arn,
      roleId: role.RoleId,
      path: role.Path,
      description: role.Description,
      maxSessionDuration: role.MaxSessionDuration,
      serviceLinked,
      ssoPermissionSet: sso || undefined,
      lastUsedRegion: role.RoleLastUsed?.Region,
      permissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn,
      policiesRead: role.Policies !== undefined,
    }),
    tags: tagMap(role.Tags),
  };
  return [
    identity,
    { kind: "edge", type: "member_of", from: ref, to: accountRef(arn.accountId) },
    ...trustEdges(role.AssumeRolePolicyDocument, ref, arn.accountId),
    ...permissionEdges(ref, arn.accountId, role.Policies),
  ];
}
