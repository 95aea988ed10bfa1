import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EdgeRecord } from "../sdk";
import { driveConnector } from "../sdk/testing/drive-connector";
import {
  FAKE_TOKEN,
  kubeconfigFor,
  kubeStatus,
  pagedList,
  startFakeKubeApi,
  type FakeKubeApi,
} from "./__fixtures__/fake-kube-api";
import { CANARIES, CLUSTER, itemsOfKind } from "./__fixtures__/kubectl-files";
import { kubernetesConnector } from "./index";

/*
 * The live path end to end through @kubernetes/client-node 1.x, its requests routed through the
 * guarded HTTP client: lists paged by `limit` and `continue`, a 429 waited out per Retry-After,
 * and a 403 on Secrets recorded as a gap of that stream only — against a local API server.
 */

const RBAC = "/apis/rbac.authorization.k8s.io/v1";
/** Items as the API lists them: without `kind` and `apiVersion` (the list names them). */
const apiItems = (kind: string) => itemsOfKind(kind).map(({ kind: _k, apiVersion: _a, keyward: _c, ...item }) => item);

let api: FakeKubeApi;
beforeAll(async () => {
  api = await startFakeKubeApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.reset();
  // The first service-account page is throttled once, as API Priority and Fairness does.
  const accounts = pagedList("ServiceAccount", "v1", apiItems("ServiceAccount"));
  api.route("/api/v1/serviceaccounts", (query, attempt) =>
    attempt === 1
      ? kubeStatus(429, "TooManyRequests", "Too many requests, please try again later.", { "retry-after": "1" })
      : accounts(query, attempt),
  );
  api.route("/api/v1/secrets", () =>
    kubeStatus(
      403,
      "Forbidden",
      'secrets is forbidden: User "system:serviceaccount:keyward:reader" cannot list resource "secrets" in API group "" at the cluster scope',
    ),
  );
  api.route(`${RBAC}/roles`, pagedList("Role", "rbac.authorization.k8s.io/v1", apiItems("Role")));
  api.route(`${RBAC}/clusterroles`, pagedList("ClusterRole", "rbac.authorization.k8s.io/v1", apiItems("ClusterRole")));
  api.route(`${RBAC}/rolebindings`, pagedList("RoleBinding", "rbac.authorization.k8s.io/v1", apiItems("RoleBinding")));
  api.route(
    `${RBAC}/clusterrolebindings`,
    pagedList("ClusterRoleBinding", "rbac.authorization.k8s.io/v1", apiItems("ClusterRoleBinding")),
  );
});

const config = (overrides: Record<string, unknown> = {}) => ({
  clusterName: CLUSTER,
  kubeconfig: kubeconfigFor(api.origin),
  environment: "prod",
  namespaceEnvironments: { ci: "ci" },
  pageSize: 2,
  allowPrivateNetworks: true,
  allowInsecureHttp: true,
  ...overrides,
});

const requestsTo = (path: string) => api.requests.filter((r) => r.path === path);

describe("kubernetes live sync through @kubernetes/client-node", () => {
  it("pages by continue, waits out a 429, and records the denied Secrets as a gap of that stream only", async () => {
    const { records, gaps } = await driveConnector(kubernetesConnector, config());

    expect(gaps).toEqual([
      expect.objectContaining({
        scope: CLUSTER,
        stream: "secrets",
        reason: "permission_denied",
        detail: expect.stringContaining("HTTP 403 (Forbidden)"),
      }),
    ]);
    // The API server's message names the caller: it is not copied into the gap.
    expect(gaps[0]?.detail).not.toContain("system:serviceaccount:keyward");
    expect(api.requests.every((r) => r.authorization === `Bearer ${FAKE_TOKEN}`)).toBe(true);

    // Six accounts in pages of two: the throttled first page asked again after Retry-After, then continue tokens.
    const pages = requestsTo("/api/v1/serviceaccounts").slice(0, 4);
    expect(pages.map((p) => [p.query.get("limit"), p.query.get("continue")])).toEqual([
      ["2", null],
      ["2", null],
      ["2", "Mg"],
      ["2", "NA"],
    ]);
    expect(pages[1]!.at - pages[0]!.at).toBeGreaterThanOrEqual(950);

    const identities = records.filter((r) => r.kind === "identity");
    expect(identities.map((i) => i.externalId).sort()).toEqual(
      [
        "ci/default",
        "ci/gke-builder",
        "kube-system/default",
        "kube-system/deployer",
        "payments/default",
        "payments/payments-api",
      ].map((id) => `${CLUSTER}/${id}`),
    );
    // Environment from the namespace map, else the cluster's; timestamps back to ISO strings.
    expect(identities.find((i) => i.externalId === `${CLUSTER}/ci/gke-builder`)).toMatchObject({
      environment: "ci",
      createdAt: "2024-03-11T09:15:27.000Z",
    });
    expect(identities.find((i) => i.externalId === `${CLUSTER}/payments/payments-api`)).toMatchObject({ environment: "prod" });

    // Roles then ClusterRoles, both paged; bindings graded with the listed roles and expanded groups.
    expect(requestsTo(`${RBAC}/clusterroles`).some((r) => r.query.get("continue") === "Mg")).toBe(true);
    expect(records.filter((r) => r.kind === "resource" && r.externalType === "kubernetes.cluster_role")).toHaveLength(3);
    const grants = records.filter((r): r is EdgeRecord => r.kind === "edge" && r.type === "has_permission");
    expect(grants.find((g) => g.from.externalId === `${CLUSTER}/ci/default`)).toMatchObject({
      level: "admin",
      attributes: { role: "cluster-admin", viaGroup: "system:serviceaccounts:ci", clusterAdmin: true },
    });
    expect(
      grants.find((g) => g.from.externalId === `${CLUSTER}/ci/gke-builder` && g.to.externalType === "kubernetes.role_binding"),
    ).toMatchObject({
      level: "admin",
      attributes: { crossNamespace: true, secretsRead: true },
    });
    expect(records.some((r) => r.kind === "credential")).toBe(false);
  });

  it("reads Secrets through the client as it deserialises them, values fingerprinted only", async () => {
    api.route("/api/v1/secrets", pagedList("Secret", "v1", apiItems("Secret")));
    const { records, gaps } = await driveConnector(kubernetesConnector, config());
    expect(gaps).toEqual([]);
    const credentials = records.filter((r) => r.kind === "credential");
    expect(requestsTo("/api/v1/secrets").map((r) => r.query.get("continue"))).toEqual([null, "Mg", "NA"]);
    expect(credentials.map((c) => c.externalId)).toContain(`${CLUSTER}/payments/regcred#registry.acme.example`);
    expect(credentials.find((c) => c.externalId === `${CLUSTER}/kube-system/deployer-token`)).toMatchObject({
      type: "token",
      environment: "prod",
      createdAt: "2019-06-02T11:04:52.000Z",
      fingerprint: expect.stringMatching(/^hmac-sha256:/),
    });
    const text = JSON.stringify(records);
    for (const canary of Object.values(CANARIES)) expect(text).not.toContain(canary);
  });

  it("answers Test connection, and names the reason when the token is refused", async () => {
    const ctx = (overrides: Record<string, unknown>) =>
      ({ config: kubernetesConnector.configSchema.parse(config(overrides)), signal: new AbortController().signal }) as Parameters<
        typeof kubernetesConnector.check
      >[0];
    api.route("/api/v1/serviceaccounts", pagedList("ServiceAccount", "v1", []));
    await expect(kubernetesConnector.check(ctx({}))).resolves.toEqual({
      ok: true,
      detail: `can list the service accounts of cluster ${CLUSTER}`,
    });
    const refused = await kubernetesConnector.check(ctx({ kubeconfig: kubeconfigFor(api.origin, { token: "expired-token" }) }));
    expect(refused).toEqual({ ok: false, detail: expect.stringMatching(/HTTP 401 \(Unauthorized\)/) });
  });

  it("refuses to reach a private address unless the source allows it", async () => {
    const { records, gaps } = await driveConnector(kubernetesConnector, config({ allowPrivateNetworks: false }));
    expect(records).toEqual([]);
    expect(gaps.map((g) => g.stream)).toEqual(["service-accounts", "secrets", "roles", "role-bindings"]);
    expect(gaps.every((g) => /BlockedAddressError: refused to connect to 127\.0\.0\.1/.test(g.detail))).toBe(true);
    expect(api.requests).toEqual([]);
  });

  it("does not run exec plugins or read local files named by a pasted kubeconfig", async () => {
    const exec = kubeconfigFor(api.origin, {
      exec: { apiVersion: "client.authentication.k8s.io/v1", command: "touch", args: ["/tmp/pwned"] },
    });
    const tokenFile = kubeconfigFor(api.origin, { tokenFile: "/etc/hostname" });
    for (const kubeconfig of [exec, tokenFile]) {
      const { gaps } = await driveConnector(kubernetesConnector, config({ kubeconfig, namespaceEnvironments: {} }));
      expect(gaps.map((g) => g.detail)).toEqual(Array(4).fill(expect.stringMatching(/KubeconfigError: kubeconfig: /)));
    }
    expect(api.requests).toEqual([]);
  });
});
