import type { CredentialStatus, CredentialType, ExternalRef } from "../../sdk";
import * as types from "../external-types";
import { ref } from "../external-types";
import { compact, integer, text, timestamp } from "./attributes";
import { pemBody } from "./pem-body";
import type { StateIndex } from "./state-index";

type Attributes = Readonly<Record<string, unknown>>;

/** One attribute of a resource type that holds a secret value. */
export interface SecretAttribute {
  readonly attribute: string;
  readonly type: CredentialType;
  /**
   * What is fingerprinted, when not the raw value: it must be what other connectors fingerprint
   * for the same secret (a PEM key's base64 body, as the certificates connector does).
   */
  readonly fingerprinted?: (value: string) => string;
}

/** What the state says about a credential besides its value. */
export interface CredentialFacts {
  /** The identity the credential authenticates, keyed as its own connector keys it. */
  readonly holder?: ExternalRef;
  /** The provider connector's node for this very credential (an access key by its id). */
  readonly twin?: ExternalRef;
  readonly status?: CredentialStatus;
  readonly algorithm?: string;
  readonly keySize?: number;
  readonly createdAt?: string;
  readonly lastRotatedAt?: string;
  readonly expiresAt?: string;
  readonly attributes: Record<string, string | number | boolean>;
}

export interface KnownResource {
  readonly secrets: readonly SecretAttribute[];
  facts(attributes: Attributes, index: StateIndex): CredentialFacts;
}

const awsUser = (name: string | undefined, index: StateIndex) => {
  const arn = name ? index.awsUserArns.get(name) : undefined;
  return arn ? ref(types.AWS_USER_TYPE, arn) : undefined;
};

/** `/applications/<id>` (azuread v3) or a bare object id (v2). */
const objectIdOf = (value: string | undefined) => value?.replace(/^\/(applications|servicePrincipals)\//, "");

/** `projects/<p>/serviceAccounts/<email>/keys/<key id>`: the key's full resource name. */
const GCP_KEY_NAME = /^projects\/([^/]+)\/serviceAccounts\/([^/]+)\/keys\/([^/]+)$/;

/**
 * GitHub Actions / Dependabot secrets. No twin edge: the github connector keys a secret by
 * `owner/repo:NAME`, and the owner is in the provider block, which the state does not keep.
 * `encrypted_value` is sealed-box ciphertext for GitHub's public key: not the secret.
 */
const githubSecret: KnownResource = {
  secrets: [{ attribute: "plaintext_value", type: "ci_variable" }],
  facts: (a) => ({
    status: "active",
    createdAt: timestamp(a, "created_at"),
    lastRotatedAt: timestamp(a, "updated_at"),
    attributes: compact({
      repository: text(a, "repository"),
      environment: text(a, "environment"),
      secretName: text(a, "secret_name"),
    }),
  }),
};

/**
 * Credential-bearing resource types, with the attributes that hold the secret. Attribute names are
 * those of the providers' documented schemas (hashicorp/aws, tls, random, google, azuread,
 * integrations/github). Any other resource is searched generically (generic-secrets.ts).
 */
export const KNOWN_RESOURCES: Readonly<Record<string, KnownResource>> = {
  aws_iam_access_key: {
    // With `pgp_key` set, `secret` is null and `encrypted_secret` holds PGP ciphertext: no secret to fingerprint.
    secrets: [
      { attribute: "secret", type: "access_key" },
      { attribute: "ses_smtp_password_v4", type: "password" },
    ],
    facts: (a, index) => {
      const status = text(a, "status");
      const keyId = text(a, "id");
      return {
        holder: awsUser(text(a, "user"), index),
        twin: keyId ? ref(types.AWS_ACCESS_KEY_TYPE, keyId) : undefined,
        status: status === "Inactive" ? "inactive" : status === "Active" ? "active" : "unknown",
        createdAt: timestamp(a, "create_date"),
        attributes: compact({
          accessKeyId: keyId,
          user: text(a, "user"),
          pgpEncrypted: text(a, "encrypted_secret") ? true : undefined,
        }),
      };
    },
  },
  aws_iam_user_login_profile: {
    secrets: [{ attribute: "password", type: "password" }],
    facts: (a, index) => ({
      holder: awsUser(text(a, "user"), index),
      status: "active",
      attributes: compact({
        user: text(a, "user"),
        passwordResetRequired: a.password_reset_required === true ? true : undefined,
      }),
    }),
  },
  tls_private_key: {
    // One key, three encodings: fingerprint the PEM once; the OpenSSH and PKCS#8 copies add nothing.
    secrets: [{ attribute: "private_key_pem", type: "private_key", fingerprinted: pemBody }],
    facts: (a) => {
      const algorithm = text(a, "algorithm");
      return {
        status: "active",
        algorithm,
        keySize: algorithm === "RSA" ? integer(a, "rsa_bits") : undefined,
        attributes: compact({
          ecdsaCurve: algorithm === "ECDSA" ? text(a, "ecdsa_curve") : undefined,
          publicKeyFingerprintSha256: text(a, "public_key_fingerprint_sha256"),
        }),
      };
    },
  },
  random_password: {
    secrets: [{ attribute: "result", type: "password" }],
    facts: (a) => ({ status: "active", attributes: compact({ length: integer(a, "length") }) }),
  },
  google_service_account_key: {
    // `private_key` is the base64 of the JSON key file `gcloud iam service-accounts keys create` writes.
    secrets: [{ attribute: "private_key", type: "private_key" }],
    facts: (a) => {
      const [, project, account, keyId] = GCP_KEY_NAME.exec(text(a, "name") ?? text(a, "id") ?? "") ?? [];
      const email = account?.includes("@") ? account.toLowerCase() : undefined;
      return {
        holder: email ? ref(types.GCP_SERVICE_ACCOUNT_TYPE, email) : undefined,
        twin: keyId ? ref(types.GCP_SERVICE_ACCOUNT_KEY_TYPE, keyId) : undefined,
        status: "active",
        algorithm: text(a, "key_algorithm"),
        createdAt: timestamp(a, "valid_after"),
        expiresAt: timestamp(a, "valid_before"),
        attributes: compact({ keyId, project, serviceAccount: email }),
      };
    },
  },
  azuread_application_password: {
    secrets: [{ attribute: "value", type: "client_secret" }],
    facts: (a, index) => {
      const objectId = objectIdOf(text(a, "application_id") ?? text(a, "application_object_id"));
      const appId = objectId ? index.azureAppIds.get(objectId) : undefined;
      const keyId = text(a, "key_id");
      return {
        holder: appId ? ref(types.AZURE_APPLICATION_TYPE, appId) : undefined,
        twin: keyId ? ref(types.AZURE_PASSWORD_CREDENTIAL_TYPE, keyId) : undefined,
        status: "active",
        createdAt: timestamp(a, "start_date"),
        expiresAt: timestamp(a, "end_date"),
        attributes: compact({ keyId, applicationObjectId: objectId, displayName: text(a, "display_name") }),
      };
    },
  },
  azuread_service_principal_password: {
    secrets: [{ attribute: "value", type: "client_secret" }],
    facts: (a) => {
      const objectId = objectIdOf(text(a, "service_principal_id"));
      const keyId = text(a, "key_id");
      return {
        holder: objectId ? ref(types.AZURE_SERVICE_PRINCIPAL_TYPE, objectId) : undefined,
        twin: keyId ? ref(types.AZURE_SP_PASSWORD_TYPE, keyId) : undefined,
        status: "active",
        createdAt: timestamp(a, "start_date"),
        expiresAt: timestamp(a, "end_date"),
        attributes: compact({ keyId, servicePrincipalObjectId: objectId, displayName: text(a, "display_name") }),
      };
    },
  },
  aws_secretsmanager_secret_version: {
    secrets: [{ attribute: "secret_string", type: "stored_secret" }],
    facts: (a) => {
      // `arn` is the secret's ARN; `secret_id` may be an ARN or a name.
      const arn = text(a, "arn") ?? (text(a, "secret_id")?.startsWith("arn:") ? text(a, "secret_id") : undefined);
      return {
        twin: arn ? ref(types.AWS_SECRET_TYPE, arn) : undefined,
        status: "active",
        attributes: compact({ secretArn: arn, versionId: text(a, "version_id") }),
      };
    },
  },
  github_actions_secret: githubSecret,
  github_actions_environment_secret: githubSecret,
  github_actions_organization_secret: githubSecret,
  github_dependabot_secret: githubSecret,
};
