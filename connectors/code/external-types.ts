/*
 * External types, one owner stream each; all three are in the Keyward import vocabulary
 * (connectors/keyward/external-types.ts), so an export of this source imports back.
 */

/** Credential (stream `secrets`): one secret value found in one repository, keyed by repository + fingerprint. */
export const SECRET_TYPE = "code.secret";
/** Resource (stream `secrets`), type `repository`, keyed by the repository's location (URL without user-info, or path). */
export const REPOSITORY_TYPE = "code.repository";
/** Resource (stream `secrets`), type `file`, keyed by `<repository>:<path>`: a file that holds or held a secret. */
export const FILE_TYPE = "code.file";

/** The AWS connector's access key node, keyed by the access key id (connectors/aws/external-types.ts). */
export const AWS_ACCESS_KEY_TYPE = "aws.access_key";
/** The person with that e-mail (people directory), as the AWS connector names it. */
export const PERSON_TYPE = "person";

export type Ref = { externalType: string; externalId: string };
