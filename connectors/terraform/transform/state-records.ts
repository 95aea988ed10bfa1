import { maskHint, type CredentialType, type Fingerprinter, type KeywardRecordInput } from "../../sdk";
import { instanceAddress } from "../address";
import { CREDENTIAL_TYPE, STATE_TYPE, stateRef } from "../external-types";
import type { StateFileItem, StateInstance, StateResource } from "../schemas";
import { compact } from "./attributes";
import { genericSecrets } from "./generic-secrets";
import { KNOWN_RESOURCES, type CredentialFacts } from "./known-resources";
import { indexState, type StateIndex } from "./state-index";

/** Where a credential sits in a state: the instance address and the attribute. */
interface Place {
  readonly file: string;
  readonly lineage: string;
  readonly address: string;
  readonly resourceType: string;
  readonly provider: string | undefined;
  readonly attribute: string;
}

interface FoundSecret {
  readonly place: Place;
  readonly type: CredentialType;
  readonly value: string;
  readonly fingerprinted: string;
  readonly facts: CredentialFacts;
}

/** `provider["registry.terraform.io/hashicorp/aws"].west` → `registry.terraform.io/hashicorp/aws`. */
const providerSource = (provider: string | undefined) => /provider\["([^"]+)"\]/.exec(provider ?? "")?.[1] ?? provider;

function credentialRecords(found: FoundSecret, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const { place, facts } = found;
  const credential = {
    externalType: CREDENTIAL_TYPE,
    // The lineage names the state across serials (and tells workspaces apart); the address and
    // attribute name the value inside it.
    externalId: `${place.lineage}:${place.address}.${place.attribute}`,
  };
  const state = stateRef(place.lineage);
  const records: KeywardRecordInput[] = [
    {
      kind: "credential",
      ...credential,
      name: `${place.address}.${place.attribute}`,
      type: found.type,
      status: facts.status ?? "active",
      ...(facts.holder ? { identityRef: facts.holder } : {}),
      ...compact({
        createdAt: facts.createdAt,
        lastRotatedAt: facts.lastRotatedAt,
        expiresAt: facts.expiresAt,
        algorithm: facts.algorithm,
        keySize: facts.keySize,
      }),
      fingerprint: fingerprint(found.fingerprinted),
      maskedHint: maskHint(found.value),
      locations: [{ source: "terraform_state", path: place.file }],
      attributes: compact({
        address: place.address,
        attribute: place.attribute,
        resourceType: place.resourceType,
        provider: providerSource(place.provider),
        ...facts.attributes,
      }),
    },
    { kind: "edge", type: "stored_in", from: credential, to: state, attributes: { address: place.address } },
  ];
  if (facts.holder) records.push({ kind: "edge", type: "has_credential", from: facts.holder, to: credential });
  return records;
}

function secretsOf(
  resource: StateResource,
  instance: StateInstance,
  index: StateIndex,
  base: Omit<Place, "attribute">,
): FoundSecret[] {
  // Data sources too: `data.aws_secretsmanager_secret_version` puts the value in the state just the same.
  const known = Object.hasOwn(KNOWN_RESOURCES, resource.type) ? KNOWN_RESOURCES[resource.type] : undefined;
  if (known) {
    const facts = known.facts(instance.attributes, index);
    return known.secrets.flatMap(({ attribute, type, fingerprinted }) => {
      const value = instance.attributes[attribute];
      if (typeof value !== "string" || value === "") return [];
      return [{ place: { ...base, attribute }, type, value, fingerprinted: fingerprinted?.(value) ?? value, facts }];
    });
  }
  return genericSecrets(instance).map(({ attribute, type, value }) => ({
    place: { ...base, attribute },
    type,
    value,
    fingerprinted: value,
    facts: { status: "active", attributes: {} },
  }));
}

/** Root-module outputs declared `sensitive = true` whose value is a string (a password handed on). */
function sensitiveOutputs(item: StateFileItem): FoundSecret[] {
  return Object.entries(item.state.outputs).flatMap(([name, output]) =>
    output.sensitive === true && typeof output.value === "string" && output.value !== ""
      ? [
          {
            place: {
              file: item.path,
              lineage: item.state.lineage,
              address: "output",
              resourceType: "output",
              provider: undefined,
              attribute: name,
            },
            type: "other" as const,
            value: output.value,
            fingerprinted: output.value,
            facts: { status: "active" as const, attributes: {} },
          },
        ]
      : [],
  );
}

/**
 * The twin edge: the provider connector's node for the same credential (the AWS access key by its
 * id, the GCP key by its key id, the Entra secret by its keyId) is stored in this state.
 */
function twinEdges(found: readonly FoundSecret[]): KeywardRecordInput[] {
  const seen = new Set<string>();
  return found.flatMap(({ place, facts }) => {
    const twin = facts.twin;
    const key = twin && `${twin.externalType} ${twin.externalId} ${place.address}`;
    if (!twin || !key || seen.has(key)) return [];
    seen.add(key);
    return [
      {
        kind: "edge" as const,
        type: "stored_in" as const,
        from: twin,
        to: stateRef(place.lineage),
        attributes: { address: place.address },
      },
    ];
  });
}

/**
 * A state file → the state (a `file` resource keyed by lineage), one credential per secret value
 * in it (fingerprinted; the value itself is dropped here), and the edges to holders and twins.
 */
export function stateRecords(item: StateFileItem, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const { state } = item;
  const index = indexState(state);
  const found: FoundSecret[] = [];
  for (const resource of state.resources) {
    for (const instance of resource.instances) {
      const base = {
        file: item.path,
        lineage: state.lineage,
        address: instanceAddress(resource, instance),
        resourceType: resource.type,
        provider: resource.provider,
      };
      found.push(...secretsOf(resource, instance, index, base));
    }
  }
  found.push(...sensitiveOutputs(item));
  const stateRecord: KeywardRecordInput = {
    kind: "resource",
    externalType: STATE_TYPE,
    externalId: state.lineage,
    name: item.path,
    type: "file",
    attributes: {
      path: item.path,
      lineage: state.lineage,
      serial: state.serial,
      terraformVersion: state.terraform_version,
      resourceCount: state.resources.length,
      credentialCount: found.length,
    },
  };
  return [stateRecord, ...found.flatMap((secret) => credentialRecords(secret, fingerprint)), ...twinEdges(found)];
}
