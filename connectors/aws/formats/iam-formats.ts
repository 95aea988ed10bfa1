import { z } from "zod";
import { defineFormat, FormatError, parseFileWith, type FormatBatch, type InspectedFile } from "../../sdk";
import { accessKeyMetadataSchema, iamRoleSchema, tagSchema } from "../schemas";
import { accountIdOf, taggedUserOf } from "./import-path";
import { hasListOf, importedAt, objectOf, payloadKeys } from "./json-shape";

/*
 * IAM outputs of the AWS CLI v2 (`--output json`, the default). Recognised by their top-level keys;
 * `list-access-keys` and `list-user-tags` name no account (and the latter no user), which the path
 * supplies (formats/import-path.ts).
 */

function requireAccount(file: InspectedFile): string {
  const accountId = accountIdOf(file.path);
  if (!accountId) {
    throw new FormatError("parse_failed", { file: file.path, reason: "the path names no AWS account: put the file in a folder named after the 12-digit account id" });
  }
  return accountId;
}

const accessKeysFileSchema = z.object({ AccessKeyMetadata: z.array(accessKeyMetadataSchema) });

export const listAccessKeysFormat = defineFormat({
  id: "aws.iam-list-access-keys",
  description: "aws iam list-access-keys --user-name <user> (in a folder named after the account id)",
  detect: (file) => hasListOf(objectOf(file), "AccessKeyMetadata", ["AccessKeyId", "UserName"]),
  parse: (file): FormatBatch[] => {
    const { AccessKeyMetadata: keys } = parseFileWith(file, accessKeysFileSchema);
    // This export carries no last use: say so, instead of letting "never used" be inferred.
    const keyward = { observedAt: importedAt(), accountId: requireAccount(file), usageTracked: false };
    const byUser = new Map<string, typeof keys>();
    for (const key of keys) byUser.set(key.UserName, [...(byUser.get(key.UserName) ?? []), key]);
    return [...byUser].map(([user, items]) => ({
      stream: "access-keys",
      parent: { stream: "users", id: user },
      items: items.map((key) => ({ ...key, keyward })),
    }));
  },
});

const userTagsFileSchema = z.object({ Tags: z.array(tagSchema) });

export const listUserTagsFormat = defineFormat({
  id: "aws.iam-list-user-tags",
  description: "aws iam list-user-tags --user-name <user>, saved as <account id>/list-user-tags/<user>.json",
  // `{ "Tags": [...] }` is also what list-role-tags and others print: only the path tells.
  detect: (file) => {
    const json = objectOf(file);
    return json !== undefined && payloadKeys(json).join() === "Tags" && hasListOf(json, "Tags", ["Key"]) && taggedUserOf(file.path) !== undefined;
  },
  parse: (file): FormatBatch[] => {
    const { Tags } = parseFileWith(file, userTagsFileSchema);
    const userName = taggedUserOf(file.path) ?? "";
    const item = { UserTagsOf: { accountId: requireAccount(file), userName }, Tags, keyward: { observedAt: importedAt() } };
    return [{ stream: "users", items: [item] }];
  },
});

const rolesFileSchema = z.object({ Roles: z.array(iamRoleSchema) });

export const listRolesFormat = defineFormat({
  id: "aws.iam-list-roles",
  description: "aws iam list-roles",
  detect: (file) => hasListOf(objectOf(file), "Roles", ["RoleName", "Arn"]),
  parse: (file): FormatBatch[] => {
    const { Roles } = parseFileWith(file, rolesFileSchema);
    const keyward = { observedAt: importedAt() };
    return [{ stream: "roles", items: Roles.map((role) => ({ ...role, keyward })) }];
  },
});

const callerIdentitySchema = z.object({ UserId: z.string(), Account: z.string().regex(/^\d{12}$/), Arn: z.string() });

export const callerIdentityFormat = defineFormat({
  id: "aws.sts-get-caller-identity",
  description: "aws sts get-caller-identity (the account resource)",
  detect: (file) => {
    const json = objectOf(file);
    return json !== undefined && Object.keys(json).sort().join() === "Account,Arn,UserId";
  },
  parse: (file): FormatBatch[] => {
    const identity = parseFileWith(file, callerIdentitySchema);
    return [{ stream: "account", items: [{ Account: identity.Account, Arn: identity.Arn, keyward: { observedAt: importedAt() } }] }];
  },
});
