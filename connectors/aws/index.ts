import { defineConnector } from "../sdk";
import { checkAws } from "./check";
import { awsSessionOf } from "./client/aws-session";
import { awsConfigSchema } from "./config";
import { awsFormats } from "./formats";
import { accountScopeId, regionScopeId } from "./scopes";
import { accessKeysStream } from "./streams/access-keys";
import { accountStream } from "./streams/account";
import { certificatesStream } from "./streams/certificates";
import { rolesStream } from "./streams/roles";
import { secretsStream } from "./streams/secrets";
import { usersStream } from "./streams/users";

/**
 * AWS: IAM users (human or machine), their access keys, roles with their trust policies and
 * privilege level, Secrets Manager secrets and ACM certificates, in one or many accounts (through
 * sts:AssumeRole) and the configured regions. See docs/connectors/aws.md.
 */
export const awsConnector = defineConnector({
  provider: "aws",
  displayName: "Amazon Web Services (IAM, Secrets Manager, ACM)",
  configSchema: awsConfigSchema,
  secretFields: ["accessKeyId", "secretAccessKey", "sessionToken"],
  permissions: [
    { permission: "sts:GetCallerIdentity", why: "find the account of the credentials (needs no policy)" },
    { permission: "sts:AssumeRole on each configured roleArn", why: "read the other accounts through a role there" },
    { stream: "account", permission: "iam:ListAccountAliases", why: "name the account by its alias" },
    { stream: "users", permission: "iam:ListUsers, iam:ListUserTags", why: "list IAM users and their owner/team/environment tags" },
    { stream: "users", permission: "iam:GetLoginProfile, iam:ListMFADevices", why: "console password and MFA: human or machine, interactive use" },
    {
      stream: "users",
      permission: "iam:ListAttachedUserPolicies, iam:ListUserPolicies, iam:GetUserPolicy, iam:GetPolicy, iam:GetPolicyVersion",
      why: "summarise each user's policies to a privilege level",
    },
    { stream: "access-keys", permission: "iam:ListAccessKeys, iam:GetAccessKeyLastUsed", why: "access keys: status, creation, last use, service and region" },
    { stream: "roles", permission: "iam:ListRoles, iam:GetRole", why: "roles, trust policies, tags and last use" },
    {
      stream: "roles",
      permission: "iam:ListAttachedRolePolicies, iam:ListRolePolicies, iam:GetRolePolicy, iam:GetPolicy, iam:GetPolicyVersion",
      why: "summarise each role's policies to a privilege level",
    },
    { stream: "secrets", permission: "secretsmanager:ListSecrets", why: "secret metadata: rotation, last rotated/accessed, tags (never a value)" },
    { stream: "certificates", permission: "acm:ListCertificates, acm:DescribeCertificate", why: "certificates: expiry, key algorithm, issuer, where in use" },
  ],
  check: checkAws,
  // Per account: one global scope (IAM) and one per configured region (Secrets Manager, ACM).
  scopes: async (ctx) => {
    const accounts = await awsSessionOf(ctx).accounts();
    return accounts.flatMap(({ accountId }) => [
      { id: accountScopeId(accountId), label: `AWS account ${accountId} (IAM)` },
      ...ctx.config.regions.map((region) => ({ id: regionScopeId(accountId, region), label: `AWS account ${accountId} ${region}` })),
    ]);
  },
  streams: [accountStream, usersStream, accessKeysStream, rolesStream, secretsStream, certificatesStream],
  formats: awsFormats,
});
