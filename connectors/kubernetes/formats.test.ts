import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormat, FormatError, inspectFile } from "../sdk";
import { ALL_PATH, CLUSTER, kubectlText } from "./__fixtures__/kubectl-files";
import { clusterOfPath } from "./formats/kubectl-list";
import { kubernetesConnector } from "./index";

const detect = (path: string, content: string) => detectFormat(inspectFile(path, content), kubernetesConnector.formats);
const parse = (path: string, content: string) => kubernetesConnector.formats[0]!.parse(inspectFile(path, content));
const all = JSON.parse(kubectlText(ALL_PATH)) as { items: { kind: string; metadata: { name: string } }[] };

/** Fixture files of the other connectors. */
function foreignFiles(): { path: string; content: string }[] {
  return ["keyward", "people", "certificates", "database-roles", "aws", "azure", "gcp"]
    .map((connector) => fileURLToPath(new URL(`../${connector}/__fixtures__/`, import.meta.url)))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(json|csv|txt|pem)$/.test(entry.name))
        .map((entry) => ({ path: entry.name, content: readFileSync(join(entry.parentPath, entry.name), "utf8") })),
    );
}

describe("kubectl List format", () => {
  it("splits the one-command export into the four streams, the cluster taken from the path", () => {
    expect(detect("whatever.json", kubectlText(ALL_PATH))?.format.id).toBe("kubernetes.kubectl-list");
    const batches = parse(ALL_PATH, kubectlText(ALL_PATH));
    expect(batches.map((b) => [b.stream, b.items.length])).toEqual([
      ["service-accounts", 6],
      ["secrets", 5],
      ["roles", 4],
      ["role-bindings", 7],
    ]);
    expect(
      batches.every((b) => b.items.every((item) => (item as { keyward: { cluster?: string } }).keyward.cluster === CLUSTER)),
    ).toBe(true);
  });

  it("gives bindings the rules of their role from the same file, and the accounts when a group needs them", () => {
    const bindings = parse(ALL_PATH, kubectlText(ALL_PATH)).find((b) => b.stream === "role-bindings")!.items as {
      metadata: { name: string };
      keyward: { roleRules?: unknown[]; serviceAccounts?: string[] };
    }[];
    const named = (name: string) => bindings.find((b) => b.metadata.name === name)!.keyward;
    expect(named("ci-reads-payments-secrets").roleRules).toEqual([
      { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] },
    ]);
    expect(named("ci-reads-payments-secrets").serviceAccounts).toBeUndefined();
    expect(named("ci-namespace-admin").serviceAccounts).toContain("ci/gke-builder");
    // system:discovery is not in the export: no rules, graded later by name only.
    expect(named("system:discovery").roleRules).toBeUndefined();
  });

  it("reads one kind per file, also as a typed list saved from the API without item kinds", () => {
    const batches = parse("api/clusterrolebindings.json", kubectlText("api/clusterrolebindings.json"));
    expect(batches.map((b) => [b.stream, b.items.length])).toEqual([["role-bindings", 2]]);
    expect((batches[0]!.items[0] as { keyward: object }).keyward).toEqual({});
    const secretsOnly = { apiVersion: "v1", kind: "List", items: all.items.filter((i) => i.kind === "Secret") };
    expect(parse("secrets.json", JSON.stringify(secretsOnly)).map((b) => b.stream)).toEqual(["secrets"]);
    expect(detect("sa.json", JSON.stringify({ kind: "ServiceAccountList", apiVersion: "v1", items: [] }))?.format.id).toBe(
      "kubernetes.kubectl-list",
    );
  });

  it("leaves other Lists, empty untyped Lists and other connectors' files unrecognised", () => {
    const pods = { apiVersion: "v1", kind: "List", items: [{ kind: "Pod", metadata: { name: "p" } }, ...all.items.slice(0, 1)] };
    expect(detect("pods.json", JSON.stringify(pods))).toBeNull();
    expect(detect("empty.json", JSON.stringify({ apiVersion: "v1", kind: "List", items: [] }))).toBeNull();
    expect(detect("cm.json", JSON.stringify({ kind: "ConfigMapList", items: [] }))).toBeNull();
    for (const file of foreignFiles()) expect(detect(file.path, file.content), file.path).toBeNull();
  });

  it("names the file when an item does not match the documented shape", () => {
    const broken = {
      apiVersion: "v1",
      kind: "List",
      items: [{ kind: "RoleBinding", metadata: { name: "b", namespace: "n" }, roleRef: { kind: "Nope", name: "x" } }],
    };
    expect(() => parse("broken.json", JSON.stringify(broken))).toThrow(FormatError);
    expect(() => parse("broken.json", JSON.stringify(broken))).toThrow(/broken\.json/);
  });

  it("takes the cluster from a clusters/<name>/ folder only", () => {
    expect(clusterOfPath("exports/clusters/prod-eu-1/all.json")).toBe("prod-eu-1");
    expect(clusterOfPath("clusters/all.json")).toBeUndefined();
    expect(clusterOfPath("prod-eu-1/all.json")).toBeUndefined();
  });
});
