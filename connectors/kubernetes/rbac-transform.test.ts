import { describe, expect, it } from "vitest";
import { createFingerprinter, inspectFile, recordSchema, type EdgeRecord, type KeywardRecord } from "../sdk";
import { ALL_PATH, CLUSTER, itemNamed, kubectlText } from "./__fixtures__/kubectl-files";
import { kubectlListFormat } from "./formats/kubectl-list";
import { roleBindingsStream } from "./streams/role-bindings";
import { rolesStream } from "./streams/roles";

const ctx = { scope: { id: CLUSTER, label: CLUSTER }, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 3)) };
const parse = (records: readonly unknown[]): KeywardRecord[] => records.map((r) => recordSchema.parse(r));

/** Bindings as the export's parser hands them over: with their role's rules and the accounts. */
const bindings = kubectlListFormat.parse(inspectFile(ALL_PATH, kubectlText(ALL_PATH))).find((b) => b.stream === "role-bindings")!
  .items as {
  metadata: { name: string };
}[];
const bindingNamed = (name: string) => bindings.find((b) => b.metadata.name === name)!;
const grantsOf = (name: string): EdgeRecord[] =>
  parse(roleBindingsStream.transform(bindingNamed(name), ctx)).filter(
    (r): r is EdgeRecord => r.kind === "edge" && r.type === "has_permission",
  );
const sa = (namespace: string, name: string) => ({
  externalType: "kubernetes.service_account",
  externalId: `${CLUSTER}/${namespace}/${name}`,
});

describe("role transform", () => {
  it("grades roles by their rules", () => {
    const grade = (kind: string, name: string, namespace?: string) =>
      parse(rolesStream.transform(itemNamed(kind, name, namespace), ctx))[0] as KeywardRecord & {
        attributes: Record<string, unknown>;
      };
    expect(grade("ClusterRole", "cluster-admin")).toMatchObject({
      externalType: "kubernetes.cluster_role",
      externalId: `${CLUSTER}/cluster-admin`,
      attributes: { level: "admin", wildcard: true, builtIn: true, privileged: true },
    });
    expect(grade("Role", "secret-reader", "payments")).toMatchObject({
      externalType: "kubernetes.role",
      externalId: `${CLUSTER}/payments/secret-reader`,
      attributes: { level: "admin", secretsRead: true, wildcard: false },
    });
    expect(grade("ClusterRole", "ci-deployer").attributes).toMatchObject({
      level: "write",
      wildcardVerbs: true,
      wildcard: false,
    });
    expect(grade("ClusterRole", "view").attributes).toMatchObject({ level: "read", secretsRead: false, privileged: false });
  });
});

describe("binding transform", () => {
  it("grants cluster-admin to every account of a namespace bound through its system:serviceaccounts group", () => {
    const grants = grantsOf("ci-namespace-admin");
    expect(grants.map((g) => g.from)).toEqual([sa("ci", "gke-builder"), sa("ci", "default")]);
    expect(grants[0]).toMatchObject({
      to: { externalType: "kubernetes.cluster_role_binding", externalId: `${CLUSTER}/ci-namespace-admin` },
      level: "admin",
      attributes: {
        role: "cluster-admin",
        clusterAdmin: true,
        wildcard: true,
        clusterWide: true,
        viaGroup: "system:serviceaccounts:ci",
        privileged: true,
      },
    });
  });

  it("marks a RoleBinding that grants to an account of another namespace as cross-namespace", () => {
    expect(grantsOf("ci-reads-payments-secrets")).toEqual([
      expect.objectContaining({
        from: sa("ci", "gke-builder"),
        to: { externalType: "kubernetes.role_binding", externalId: `${CLUSTER}/payments/ci-reads-payments-secrets` },
        level: "admin",
        attributes: expect.objectContaining({
          crossNamespace: true,
          grantedIn: "payments",
          secretsRead: true,
          clusterWide: false,
        }),
      }),
    ]);
    // A ClusterRole bound by a RoleBinding in ci, to an account of payments: write, wildcard verbs.
    expect(grantsOf("payments-deploys-ci")).toEqual([
      expect.objectContaining({
        from: sa("payments", "payments-api"),
        level: "write",
        attributes: expect.objectContaining({ crossNamespace: true, wildcardVerbs: true }),
      }),
    ]);
  });

  it("grants to an account named as a user, and leaves human subjects on the binding only", () => {
    const records = parse(roleBindingsStream.transform(bindingNamed("viewers"), ctx));
    expect(records.filter((r) => r.kind === "edge").map((e) => e.kind === "edge" && [e.from.externalId, e.level])).toEqual([
      [`${CLUSTER}/payments/default`, "read"],
    ]);
    expect(records[0]).toMatchObject({
      attributes: { subjects: ["User:system:serviceaccount:payments:default", "Group:oidc:payments-devs"] },
    });
  });

  it("grants cluster-admin to a directly bound kube-system account, and nothing for system:masters", () => {
    expect(grantsOf("deployer-admin").map((g) => [g.from, g.level])).toEqual([[sa("kube-system", "deployer"), "admin"]]);
    expect(grantsOf("cluster-admin")).toEqual([]);
    // Built-in discovery bindings are not expanded to every account.
    expect(grantsOf("system:discovery")).toEqual([]);
  });

  it("grades a binding without its role by the default ClusterRoles, and leaves unknown roles ungraded", () => {
    const bare = {
      metadata: { name: "b" },
      roleRef: { kind: "ClusterRole", name: "edit" },
      subjects: [{ kind: "ServiceAccount", name: "x", namespace: "n" }],
    };
    expect(parse(roleBindingsStream.transform(bare, ctx))[1]).toMatchObject({
      level: "admin",
      attributes: { secretsRead: true },
    });
    const unknown = { ...bare, roleRef: { kind: "Role", name: "mystery" }, metadata: { name: "b", namespace: "n" } };
    const records = parse(roleBindingsStream.transform(unknown, ctx));
    expect(records[0]).toMatchObject({ attributes: { roleRulesKnown: false } });
    expect((records[1] as EdgeRecord).level).toBeUndefined();
  });

  it("does not expand a service-account group when the accounts are not known", () => {
    const item = { ...bindingNamed("ci-namespace-admin"), keyward: { cluster: CLUSTER } };
    const records = parse(roleBindingsStream.transform(item, ctx));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ attributes: { serviceAccountGroups: ["system:serviceaccounts:ci"], level: "admin" } });
  });
});
