import { describe, expect, it } from "vitest";
import { createFingerprinter, expectHarnessPasses, inspectFile } from "../sdk";
import { ALL_PATH, CANARIES, CLUSTER, itemsOfKind, kubectlFiles, kubectlText } from "./__fixtures__/kubectl-files";
import { kubernetesConnector } from "./index";

const exportBatches = kubernetesConnector.formats[0]!.parse(inspectFile(ALL_PATH, kubectlText(ALL_PATH)));
const boundItems = exportBatches.find((b) => b.stream === "role-bindings")!.items;

const fixtures = [
  { stream: "service-accounts", items: itemsOfKind("ServiceAccount") },
  { stream: "secrets", items: itemsOfKind("Secret") },
  { stream: "roles", items: [...itemsOfKind("Role"), ...itemsOfKind("ClusterRole")] },
  { stream: "role-bindings", items: boundItems },
];

describe("kubernetes connector", () => {
  it("passes the connector harness with listed items and kubectl files", async () => {
    await expectHarnessPasses(kubernetesConnector, {
      fixtures,
      files: kubectlFiles,
      // Planted as the API shows them (base64 in `data`, raw in last-applied-configuration).
      canaries: [CANARIES.token, CANARIES.password],
    });
  });

  it("lets no secret value through, however deeply it was encoded in the Secret", () => {
    const fingerprint = createFingerprinter(Buffer.alloc(32, 9));
    const stream = kubernetesConnector.streams.find((s) => s.name === "secrets")!;
    const text = JSON.stringify(
      itemsOfKind("Secret").flatMap((item) =>
        stream.transform(item, { scope: { id: CLUSTER, label: CLUSTER }, parent: undefined, fingerprint }),
      ),
    );
    for (const canary of Object.values(CANARIES)) {
      expect(text).not.toContain(canary);
      expect(text).not.toContain(Buffer.from(canary).toString("base64").slice(0, 24));
    }
  });

  it("declares a list permission for every stream", () => {
    expect([...new Set(kubernetesConnector.permissions.map((p) => p.stream))].sort()).toEqual(
      kubernetesConnector.streams.map((s) => s.name).sort(),
    );
    expect(kubernetesConnector.permissions.every((p) => /: list\b/.test(p.permission))).toBe(true);
    expect(kubernetesConnector.secretFields).toEqual(["kubeconfig"]);
  });

  it("has one scope, the cluster", async () => {
    const config = kubernetesConnector.configSchema.parse({ clusterName: CLUSTER, inCluster: true });
    const scopes = await kubernetesConnector.scopes({ config } as Parameters<typeof kubernetesConnector.scopes>[0]);
    expect(scopes).toEqual([{ id: CLUSTER, label: `Kubernetes cluster ${CLUSTER}` }]);
  });
});

describe("kubernetes config", () => {
  const parse = (config: object) => kubernetesConnector.configSchema.safeParse(config);

  it("needs exactly one way to authenticate", () => {
    expect(parse({ clusterName: CLUSTER, inCluster: true }).success).toBe(true);
    expect(parse({ clusterName: CLUSTER, kubeconfig: "apiVersion: v1" }).success).toBe(true);
    expect(parse({ clusterName: CLUSTER }).error?.issues[0]?.path).toEqual(["kubeconfig"]);
    expect(parse({ clusterName: CLUSTER, inCluster: true, kubeconfig: "apiVersion: v1" }).success).toBe(false);
  });

  it("refuses cluster names that cannot prefix an id", () => {
    expect(parse({ clusterName: "prod/eu", inCluster: true }).success).toBe(false);
    expect(parse({ clusterName: "", inCluster: true }).success).toBe(false);
  });
});
