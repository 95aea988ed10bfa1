import { toIsoTimestamp, type CredentialType, type ExternalRef, type Fingerprinter, type KeywardRecordInput } from "../../sdk";
import { namespaceRef, secretRef, serviceAccountRef } from "../external-types";
import type { SecretItem } from "../schemas";
import { clusterOf } from "./cluster";
import { compact } from "./compact";
import { decodeSecretValue } from "./decode";
import { registryCredentialsOf } from "./docker-config";
import { tlsCertificateFacts } from "./tls-certificate";

/*
 * A Secret as credentials, by its `type`:
 * - `kubernetes.io/service-account-token`: the legacy, never-expiring token of one account;
 * - `kubernetes.io/tls`: the certificate (parsed) whose private key is fingerprinted;
 * - `kubernetes.io/dockerconfigjson` / `dockercfg`: one credential per registry (user kept);
 * - anything else (Opaque, basic-auth, ssh-auth, bootstrap tokens, custom types): one credential
 *   per data key, so equal values are found wherever they are stored.
 * Values go through `fingerprint` and are dropped; annotations are never copied (kubectl's
 * last-applied-configuration annotation holds the whole Secret, values included).
 */

export const SA_TOKEN_TYPE = "kubernetes.io/service-account-token";
export const TLS_TYPE = "kubernetes.io/tls";
export const DOCKER_CONFIG_JSON_TYPE = "kubernetes.io/dockerconfigjson";
export const DOCKER_CFG_TYPE = "kubernetes.io/dockercfg";
/** Annotation naming the account a legacy token belongs to. */
export const SA_NAME_ANNOTATION = "kubernetes.io/service-account.name";

/** Credential type of one value of a Secret of a generic type. */
const VALUE_TYPES: Readonly<Record<string, CredentialType>> = {
  "kubernetes.io/basic-auth": "password",
  "kubernetes.io/ssh-auth": "ssh_key",
  "bootstrap.kubernetes.io/token": "token",
};

interface SecretFacts {
  readonly cluster: string;
  readonly secret: SecretItem;
  readonly fingerprint: Fingerprinter;
}

function fingerprintOf(facts: SecretFacts, base64: string | undefined): { fingerprint?: ReturnType<Fingerprinter> } {
  if (!base64) return {};
  const value = decodeSecretValue(base64);
  return value ? { fingerprint: facts.fingerprint(value) } : {};
}

/** Fields every credential of this Secret shares. */
function credentialBase({ cluster, secret }: SecretFacts, part: string | undefined) {
  const { name, namespace, uid, creationTimestamp } = secret.metadata;
  const environment = secret.keyward.environment;
  return {
    kind: "credential" as const,
    ...secretRef(cluster, namespace, name, part),
    name: part === undefined ? `${namespace}/${name}` : `${namespace}/${name}:${part}`,
    ...(environment ? { environment } : {}),
    ...(creationTimestamp ? { createdAt: toIsoTimestamp(creationTimestamp) } : {}),
    locations: [{ source: "kubernetes", path: `${cluster}/${namespace}/secrets/${name}` }],
    common: compact({ cluster, namespace, secretName: name, secretType: secret.type, uid, immutable: secret.immutable }),
  };
}

type Base = ReturnType<typeof credentialBase>;
const withoutCommon = ({ common: _common, ...rest }: Base) => rest;

/** The Secret's credential is stored in its namespace. */
function storedIn(facts: SecretFacts, { externalType, externalId }: ExternalRef): KeywardRecordInput {
  return {
    kind: "edge",
    type: "stored_in",
    from: { externalType, externalId },
    to: namespaceRef(facts.cluster, facts.secret.metadata.namespace),
  };
}

function serviceAccountTokenRecords(facts: SecretFacts): KeywardRecordInput[] {
  const { secret, cluster } = facts;
  const base = credentialBase(facts, undefined);
  const accountName = secret.metadata.annotations[SA_NAME_ANNOTATION];
  const account = accountName ? serviceAccountRef(cluster, secret.metadata.namespace, accountName) : undefined;
  const token = fingerprintOf(facts, secret.data.token);
  const credential: KeywardRecordInput = {
    ...withoutCommon(base),
    type: "token",
    // The token controller fills `token` in after creation; until then there is nothing to use.
    status: token.fingerprint ? "active" : "unknown",
    ...(account ? { identityRef: account } : {}),
    ...token,
    // Legacy tokens are long-lived JWTs without an expiry, valid until the Secret is deleted.
    attributes: { ...base.common, legacyServiceAccountToken: true, ...compact({ serviceAccount: accountName }) },
  };
  const ref = secretRef(cluster, secret.metadata.namespace, secret.metadata.name);
  return [
    credential,
    storedIn(facts, ref),
    ...(account ? [{ kind: "edge", type: "has_credential", from: account, to: ref } satisfies KeywardRecordInput] : []),
  ];
}

function tlsRecords(facts: SecretFacts): KeywardRecordInput[] {
  const base = credentialBase(facts, undefined);
  const crt = facts.secret.data["tls.crt"];
  const cert = crt ? tlsCertificateFacts(Buffer.from(crt, "base64").toString("utf8")) : undefined;
  const credential: KeywardRecordInput = {
    ...withoutCommon(base),
    type: "certificate",
    // Expiry is judged by the policies from `expiresAt` as of their instant, not here.
    status: "active",
    // The key is a secret: fingerprinted only. The certificate is public: described.
    ...fingerprintOf(facts, facts.secret.data["tls.key"]),
    ...(cert
      ? {
          thumbprint: cert.thumbprint,
          expiresAt: cert.notAfter,
          ...(cert.keyAlgorithm ? { algorithm: cert.keyAlgorithm } : {}),
          ...(cert.keySize ? { keySize: cert.keySize } : {}),
        }
      : {}),
    attributes: {
      ...base.common,
      ...(cert
        ? compact({
            subject: cert.subject,
            issuer: cert.issuer,
            commonName: cert.commonName,
            serial: cert.serial,
            dnsNames: [...cert.dnsNames],
            notBefore: cert.notBefore,
            selfSigned: cert.selfSigned,
            signatureAlgorithm: cert.signatureAlgorithm,
            chainLength: cert.chainLength,
          })
        : { certificateUnreadable: true }),
    },
  };
  return [credential, storedIn(facts, secretRef(facts.cluster, facts.secret.metadata.namespace, facts.secret.metadata.name))];
}

function dockerConfigRecords(facts: SecretFacts): KeywardRecordInput[] {
  const legacy = facts.secret.type === DOCKER_CFG_TYPE;
  const raw = facts.secret.data[legacy ? ".dockercfg" : ".dockerconfigjson"];
  const registries = raw ? registryCredentialsOf(Buffer.from(raw, "base64").toString("utf8"), legacy) : undefined;
  // Unreadable config: still one credential, the whole value fingerprinted.
  if (!registries) return valueRecords(facts, "password");
  return registries.flatMap(({ registry, username, secret }) => {
    const base = credentialBase(facts, registry);
    const credential: KeywardRecordInput = {
      ...withoutCommon(base),
      type: "password",
      status: "active",
      ...(secret ? { fingerprint: facts.fingerprint(secret) } : {}),
      attributes: { ...base.common, ...compact({ registry, username }) },
    };
    return [credential, storedIn(facts, base)];
  });
}

function valueRecords(facts: SecretFacts, type: CredentialType): KeywardRecordInput[] {
  const keys = Object.keys(facts.secret.data).sort();
  if (keys.length === 0) {
    const base = credentialBase(facts, undefined);
    return [{ ...withoutCommon(base), type, status: "unknown", attributes: { ...base.common, keys: [] } }, storedIn(facts, base)];
  }
  return keys.flatMap((key) => {
    const base = credentialBase(facts, key);
    const credential: KeywardRecordInput = {
      ...withoutCommon(base),
      type,
      status: "active",
      ...fingerprintOf(facts, facts.secret.data[key]),
      attributes: { ...base.common, key, keys },
    };
    return [credential, storedIn(facts, base)];
  });
}

export function secretRecords(secret: SecretItem, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const facts: SecretFacts = { cluster: clusterOf(secret.keyward), secret, fingerprint };
  switch (secret.type) {
    case SA_TOKEN_TYPE:
      return serviceAccountTokenRecords(facts);
    case TLS_TYPE:
      return tlsRecords(facts);
    case DOCKER_CONFIG_JSON_TYPE:
    case DOCKER_CFG_TYPE:
      return dockerConfigRecords(facts);
    default:
      return valueRecords(facts, VALUE_TYPES[secret.type] ?? "stored_secret");
  }
}
