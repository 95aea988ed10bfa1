import { GetRoleCommand, ListRolesCommand, type IAMClient, type Role } from "@aws-sdk/client-iam";
import { defineStream } from "../../sdk";
import { callAws } from "../client/aws-errors";
import { awsSessionOf, type AwsSession } from "../client/aws-session";
import { awsConfigSchema, DETAIL_CONCURRENCY, type AwsConfig } from "../config";
import { ROLE_TYPE } from "../external-types";
import { roleItemSchema, type ItemContext, type RoleItem } from "../schemas";
import { scopePartsOf } from "../scopes";
import { roleRecords } from "../transform/role-records";
import { asJson, liveContext, mapInBatches } from "./live-context";
import { readPolicies } from "./policies";

/*
 * IAM roles: ListRoles pages (with trust policies), each completed by GetRole (tags, last use —
 * which ListRoles leaves out) and its policies.
 */

async function describeRole(session: AwsSession, iam: IAMClient, role: Role, keyward: ItemContext): Promise<unknown> {
  const RoleName = role.RoleName ?? "";
  const full = await callAws("iam:GetRole", () => iam.send(new GetRoleCommand({ RoleName }), { abortSignal: session.signal }));
  const Policies = await readPolicies(session, iam, { kind: "role", name: RoleName });
  return asJson({ ...role, ...full.Role, Policies, keyward });
}

export const rolesStream = defineStream<AwsConfig, RoleItem>({
  name: "roles",
  externalTypes: [ROLE_TYPE],
  item: roleItemSchema,
  config: awsConfigSchema,
  async list({ scope, cursor, ctx }) {
    const { accountId, region } = scopePartsOf(scope.id);
    if (region) return { items: [] };
    const session = awsSessionOf(ctx);
    const iam = await session.iam(accountId);
    const page = await callAws("iam:ListRoles", () =>
      iam.send(new ListRolesCommand({ Marker: cursor, MaxItems: ctx.config.pageSize }), { abortSignal: ctx.signal }),
    );
    const keyward = liveContext(ctx.config, accountId);
    const items = await mapInBatches(page.Roles ?? [], DETAIL_CONCURRENCY, (role) => describeRole(session, iam, role, keyward));
    return { items, ...(page.IsTruncated && page.Marker ? { nextCursor: page.Marker } : {}) };
  },
  transform: (role) => roleRecords(role),
});
