import { describe, expect, it } from "vitest";
import { createFingerprinter, recordSchema, type KeywardRecord } from "../sdk";
import { CLUSTER, itemNamed } from "./__fixtures__/kubectl-files";
import { serviceAccountsStream } from "./streams/service-accounts";

const ctx = { scope: { id: CLUSTER, label: CLUSTER }, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 1)) };
const transform = (item: unknown): KeywardRecord[] =>
  serviceAccountsStream.transform(item, ctx).map((r) => recordSchema.parse(r));
const identityOf = (records: KeywardRecord[]) => records.find((r) => r.kind === "identity")!;

describe("service account transform", () => {
  it("makes an identity in its namespace and cluster, with the owner and its provenance", () => {
    const records = transform(itemNamed("ServiceAccount", "payments-api", "payments"));
    expect(identityOf(records)).toMatchObject({
      externalType: "kubernetes.service_account",
      externalId: `${CLUSTER}/payments/payments-api`,
      name: "payments/payments-api",
      type: "k8s_service_account",
      isHuman: false,
      interactive: false,
      createdAt: "2024-03-11T09:15:27.000Z",
      ownerHint: { email: "sofia.rossi@acme.example", team: "payments", provenance: "kubernetes.annotation:keyward.io/owner" },
      attributes: { namespace: "payments", automountToken: false, defaultAccount: false, systemNamespace: false },
      tags: { team: "payments", "app.kubernetes.io/name": "payments-api" },
    });
    expect(
      records
        .filter((r) => r.kind === "edge" && r.type === "member_of")
        .map((e) => e.kind === "edge" && [e.from.externalId, e.to.externalId]),
    ).toEqual([
      [`${CLUSTER}/payments/payments-api`, `${CLUSTER}/payments`],
      [`${CLUSTER}/payments`, CLUSTER],
    ]);
  });

  it("links an IRSA annotation to the AWS role by its ARN without the IAM path", () => {
    const edge = transform(itemNamed("ServiceAccount", "payments-api", "payments")).find(
      (r) => r.kind === "edge" && r.type === "can_assume",
    );
    expect(edge).toMatchObject({
      from: { externalType: "kubernetes.service_account", externalId: `${CLUSTER}/payments/payments-api` },
      to: { externalType: "aws.iam_role", externalId: "arn:aws:iam::111122223333:role/payments-api-irsa" },
      attributes: { mechanism: "eks-irsa", accountId: "111122223333" },
    });
  });

  it("links a GKE workload identity annotation to the Google service account by its lowercased e-mail", () => {
    const records = transform(itemNamed("ServiceAccount", "gke-builder", "ci"));
    expect(records.find((r) => r.kind === "edge" && r.type === "can_assume")).toMatchObject({
      to: { externalType: "gcp.service_account", externalId: "builder@acme-ci.iam.gserviceaccount.com" },
      attributes: { mechanism: "gke-workload-identity" },
    });
    // A label cannot hold an e-mail: a non-e-mail owner is taken as the team.
    expect(identityOf(records).ownerHint).toEqual({ team: "platform-team", provenance: "kubernetes.label:owner" });
  });

  it("recognises default accounts and the kube-system namespace", () => {
    const kubeSystemDefault = identityOf(transform(itemNamed("ServiceAccount", "default", "kube-system")));
    expect(kubeSystemDefault.attributes).toMatchObject({ defaultAccount: true, systemNamespace: true, automountToken: true });
    const deployer = identityOf(transform(itemNamed("ServiceAccount", "deployer", "kube-system")));
    expect(deployer.attributes).toMatchObject({ defaultAccount: false, systemNamespace: true, tokenSecrets: ["deployer-token"] });
    expect(identityOf(transform(itemNamed("ServiceAccount", "default", "payments"))).attributes).toMatchObject({
      defaultAccount: true,
      systemNamespace: false,
    });
    const namespace = transform(itemNamed("ServiceAccount", "default", "kube-system")).find(
      (r) => r.kind === "resource" && r.type === "namespace",
    );
    expect(namespace).toMatchObject({ externalId: `${CLUSTER}/kube-system`, attributes: { systemNamespace: true } });
  });

  it("ignores an annotation that is not a role ARN and keeps an account without metadata extras", () => {
    const item = {
      metadata: { name: "odd", namespace: "x", annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::12:user/bob" } },
      keyward: { cluster: CLUSTER, environment: "dev" },
    };
    const records = transform(item);
    expect(records.some((r) => r.kind === "edge" && r.type === "can_assume")).toBe(false);
    expect(identityOf(records)).toMatchObject({ environment: "dev", name: "x/odd" });
    expect(identityOf(records).ownerHint).toBeUndefined();
    expect(identityOf(records).createdAt).toBeUndefined();
  });

  it("accepts the Date objects @kubernetes/client-node deserialises timestamps into", () => {
    const item = {
      metadata: { name: "ünïcode-ok", namespace: "x", creationTimestamp: new Date("2025-01-02T03:04:05+02:00") },
      keyward: { cluster: CLUSTER },
    };
    expect(identityOf(transform(item)).createdAt).toBe("2025-01-02T01:04:05.000Z");
  });
});
