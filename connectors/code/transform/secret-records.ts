import { maskHint, type Fingerprinter, type KeywardRecordInput } from "../../sdk";
import { AWS_ACCESS_KEY_TYPE, PERSON_TYPE, SECRET_TYPE } from "../external-types";
import { isEmailOwner } from "../scan/codeowners";
import type { SecretItem } from "../schemas";
import { fileRef } from "./repository-records";

/*
 * One credential per distinct secret value in a repository, keyed by repository + fingerprint, so
 * the same value found again next sync is the same record, and the same value in two places is one
 * credential with two locations. The value is fingerprinted here and goes no further.
 */

/** What `static-cloud-key-in-ci` and friends read from `attributes.valueKind`. */
const VALUE_KIND: Record<string, string> = { "aws-secret-access-key": "aws_secret_access_key" };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Provenance of the committer as suggested owner: `committer…` is the `suggested` level (docs/ownership.md). */
export const COMMITTER_PROVENANCE = "code.committer";

/** Provenance of a CODEOWNERS owner, naming the file: `codeowners…` is the `catalog` level (docs/ownership.md). */
export const codeownersProvenance = (file: string) => `code.codeowners:${file}`;

type OwnerEdge = Extract<KeywardRecordInput, { kind: "edge" }>;

/**
 * `owned_by` edges to the e-mail owners of the CODEOWNERS rules for the secret's paths (a
 * `@handle` or `@org/team` names no mailbox: it stays in the credential's attributes), then to
 * the author of the commit that first added the value, unless CODEOWNERS already names them
 * (one edge per person: the catalog claim outranks the suggestion).
 */
function ownerEdges(item: SecretItem, from: { externalType: string; externalId: string }): OwnerEdge[] {
  const edges = new Map<string, OwnerEdge>();
  for (const rule of item.codeowners ?? []) {
    for (const owner of rule.owners) {
      const email = owner.toLowerCase();
      if (!isEmailOwner(email) || edges.has(email)) continue;
      edges.set(email, {
        kind: "edge",
        type: "owned_by",
        from,
        to: { externalType: PERSON_TYPE, externalId: email },
        attributes: { provenance: codeownersProvenance(rule.file), pattern: rule.pattern, line: rule.line },
      });
    }
  }
  const first = item.locations[0]!;
  const committer = first.authorEmail.trim().toLowerCase();
  if (EMAIL.test(committer) && !edges.has(committer)) {
    edges.set(committer, {
      kind: "edge",
      type: "owned_by",
      from,
      to: { externalType: PERSON_TYPE, externalId: committer },
      attributes: { provenance: COMMITTER_PROVENANCE, commit: first.commit },
    });
  }
  return [...edges.values()];
}

export function secretRecords(item: SecretItem, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const first = item.locations[0]!;
  const digest = fingerprint(item.value);
  const ref = { externalType: SECRET_TYPE, externalId: `${item.repository}#${digest}` };
  const inHead = item.locations.some((l) => !l.historyOnly);
  const paths = [...new Set(item.locations.map((l) => l.path))];
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: `${item.title} in ${first.path}`,
    type: item.credentialType,
    status: "unknown",
    fingerprint: digest,
    maskedHint: maskHint(item.value),
    locations: item.locations.map((l) => ({
      source: "git",
      path: l.path,
      line: l.line,
      commit: l.commit,
      historyOnly: l.historyOnly,
    })),
    attributes: {
      ruleId: item.ruleId,
      repository: item.repository,
      inHead,
      historyOnly: !inHead,
      firstCommit: first.commit,
      firstCommittedAt: first.authoredAt,
      locationsTruncated: item.locationsTruncated,
      ...(VALUE_KIND[item.ruleId] ? { valueKind: VALUE_KIND[item.ruleId]! } : {}),
      ...(item.accessKeyId ? { accessKeyId: item.accessKeyId } : {}),
      ...(item.codeowners
        ? {
            codeowners: [...new Set(item.codeowners.flatMap((rule) => rule.owners))],
            codeownersFile: item.codeowners[0]!.file,
          }
        : {}),
    },
  };
  const records: KeywardRecordInput[] = [credential];
  for (const path of paths) records.push({ kind: "edge", type: "stored_in", from: ref, to: fileRef(item.repository, path) });
  if (item.accessKeyId) {
    // Whoever holds the leaked secret holds the AWS key: the blast-radius walk follows
    // has_credential forward, then the key's own has_credential edge back to its IAM user.
    const key = { externalType: AWS_ACCESS_KEY_TYPE, externalId: item.accessKeyId };
    records.push({ kind: "edge", type: "has_credential", from: ref, to: key, attributes: { relation: "secret_half" } });
  }
  records.push(...ownerEdges(item, ref));
  return records;
}
