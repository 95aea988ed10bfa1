/*
 * External types, one owner stream each; they match the Keyward import vocabulary
 * (connectors/keyward/external-types.ts) so an export of this source imports back.
 *
 * IAM users and roles are keyed by their ARN WITHOUT the IAM path (`arn:aws:iam::<account>:user/<name>`):
 * names are unique per account whatever the path, and `list-access-keys` or `list-user-tags` know
 * only the name, so every export must be able to build the same key.
 */

/** Resource (stream `account`), type `cloud_account`, keyed by the 12-digit account id. */
export const ACCOUNT_TYPE = "aws.account";
/** Identity (stream `users`). */
export const USER_TYPE = "aws.iam_user";
/** Credential (stream `access-keys`), keyed by the access key id (not a secret). */
export const ACCESS_KEY_TYPE = "aws.access_key";
/** Identity (stream `roles`). */
export const ROLE_TYPE = "aws.iam_role";
/** Credential (stream `secrets`), keyed by the secret's ARN. */
export const SECRET_TYPE = "aws.secretsmanager_secret";
/** Credential (stream `certificates`), keyed by the certificate's ARN. */
export const CERTIFICATE_TYPE = "aws.acm_certificate";

/*
 * Edge ends that no stream emits (they dangle by design): trusted principals outside the
 * inventory and the resources a certificate is deployed on.
 */
export const SERVICE_PRINCIPAL_TYPE = "aws.service";
export const OIDC_PROVIDER_TYPE = "aws.oidc_provider";
export const SAML_PROVIDER_TYPE = "aws.saml_provider";
/** Any other principal: `*`, an assumed-role session, a federated user, a canonical user. */
export const PRINCIPAL_TYPE = "aws.principal";
/** A resource named by ARN (a load balancer, a CloudFront distribution…). */
export const RESOURCE_TYPE = "aws.resource";
/** The person with that e-mail (people directory). */
export const PERSON_TYPE = "person";

export type Ref = { externalType: string; externalId: string };

export const accountRef = (accountId: string): Ref => ({ externalType: ACCOUNT_TYPE, externalId: accountId });
export const personRef = (email: string): Ref => ({ externalType: PERSON_TYPE, externalId: email });

/** The `aws` partition unless told otherwise (aws-cn, aws-us-gov). */
export const DEFAULT_PARTITION = "aws";

export const userId = (accountId: string, name: string, partition = DEFAULT_PARTITION) => `arn:${partition}:iam::${accountId}:user/${name}`;
export const roleId = (accountId: string, name: string, partition = DEFAULT_PARTITION) => `arn:${partition}:iam::${accountId}:role/${name}`;
export const userRef = (accountId: string, name: string, partition?: string): Ref => ({ externalType: USER_TYPE, externalId: userId(accountId, name, partition) });
export const roleRef = (accountId: string, name: string, partition?: string): Ref => ({ externalType: ROLE_TYPE, externalId: roleId(accountId, name, partition) });
