/*
 * Test support for lib/risk (not shipped code): a small inventory built for the risk factors and
 * loaded through the real sync runner with the toy connector (identities, keys, resources, grants,
 * a people directory), so every factor's input arrives as a connector's records would. One
 * identity per factor level, each otherwise at the baseline (read on a dev resource, dev,
 * owned by an active person, a freshly created key).
 */
import { executeRun } from "@/lib/sync/execute-run";
import { createSource, runOptions } from "@/lib/sync/testing/run-fixtures";
import { keysStream, peopleStream, toyStream, unitOf, usersStream } from "@/lib/sync/testing/toy-connector";

export const grantsStream = toyStream("grants", ["toy.resource"]);

const DAY = 86_400_000;
export const ANA = "ana@example.com";
export const LEO = "leo@example.com";
export const BO = "bo@example.com";

/** A fingerprint as a connector would compute it (never a value). */
export const SHARED_FINGERPRINT = `hmac-sha256:${"5e".repeat(32)}`;
export const LEAK_COMMIT = "d3adb33fd3adb33fd3adb33fd3adb33fd3adb33f";

type Json = Record<string, unknown>;

const user = (name: string, extra: Json = {}) => ({
  kind: "identity", externalType: "toy.user", externalId: name, name, type: "service_account", status: "active",
  environment: "dev", ownerHint: { email: ANA, provenance: "toy.tag:Owner" }, ...extra,
});
const key = (name: string, owner: string | null, createdDaysAgo: number, now: Date, extra: Json = {}) => ({
  kind: "credential", externalType: "toy.key", externalId: name, name, type: "api_key", status: "active",
  createdAt: new Date(now.getTime() - createdDaysAgo * DAY).toISOString(),
  ...(owner ? { identityRef: { externalType: "toy.user", externalId: owner } } : {}), ...extra,
});
const resource = (name: string, environment: string) => ({ kind: "resource", externalType: "toy.resource", externalId: name, name, type: "database", environment });
const grant = (from: [string, string], to: string, level: "read" | "write" | "admin", attributes: Json = {}) => ({
  kind: "edge", type: "has_permission", from: { externalType: from[0], externalId: from[1] }, to: { externalType: "toy.resource", externalId: to }, level, attributes,
});
const canAssume = (from: string, role: string) => ({
  kind: "edge", type: "can_assume", from: { externalType: "toy.user", externalId: from }, to: { externalType: "toy.user", externalId: role },
});

/** The fixture's identities by what they show. `omit` leaves identities out (a later, complete sync: they go). */
export function riskInventory(now: Date, omit: readonly string[] = []) {
  const users = [
    user("baseline"),
    user("write-direct"),
    user("admin-direct"),
    user("admin-via-key"),
    user("assumer"),
    user("deploy-role", { type: "iam_role" }),
    user("prod-user", { environment: "prod" }),
    user("reaches-prod"),
    user("unset-env", { environment: undefined }),
    user("in-code"),
    user("plain-config"),
    user("reuser"),
    user("aging"),
    user("stale"),
    user("orphan", { ownerHint: undefined }),
    user("departed", { ownerHint: { email: LEO, provenance: "toy.tag:Owner" } }),
    user("bo-thing", { ownerHint: { email: BO, provenance: "toy.tag:Owner" } }),
  ].filter((u) => !omit.includes(u.name));
  const keys = [
    ...users.filter((u) => u.name !== "deploy-role").map((u) => key(`${u.name}-key`, u.name, 10, now)),
    key("ops-key", "admin-via-key", 10, now),
    key("code-key", "in-code", 10, now, { locations: [{ source: "code", path: "app/settings.py", line: 3, commit: LEAK_COMMIT }] }),
    key("ci-var", "plain-config", 10, now, { type: "ci_variable", attributes: { masked: false, protected: true } }),
    key("shared-a", "reuser", 10, now, { fingerprint: SHARED_FINGERPRINT }),
    // The same value, found elsewhere and belonging to nobody Keyward knows.
    key("shared-b", null, 10, now, { fingerprint: SHARED_FINGERPRINT, locations: [{ source: "code", path: ".env", line: 1, commit: LEAK_COMMIT }] }),
    key("aging-old", "aging", 200, now),
    key("stale-old", "stale", 400, now),
  ].filter((k) => !("identityRef" in k) || users.some((u) => u.name === (k.identityRef as { externalId: string }).externalId));
  const grants = [
    resource("dev-bucket", "dev"),
    resource("dev-db", "dev"),
    resource("prod-db", "prod"),
    ...users.filter((u) => !["admin-direct", "reaches-prod", "assumer", "deploy-role", "write-direct"].includes(u.name)).map((u) => grant(["toy.user", u.name], "dev-bucket", "read")),
    grant(["toy.user", "write-direct"], "dev-db", "write"),
    grant(["toy.user", "admin-direct"], "dev-db", "admin"),
    grant(["toy.key", "ops-key"], "dev-db", "admin"),
    grant(["toy.user", "reaches-prod"], "prod-db", "read"),
    canAssume("assumer", "deploy-role"),
    grant(["toy.user", "deploy-role"], "dev-db", "write", { role: "cluster-admin" }),
  ].filter((g) => g.kind !== "edge" || ("from" in g && g.from.externalType !== "toy.user") || users.some((u) => u.name === (g as { from: { externalId: string } }).from.externalId));
  return { users, keys, grants };
}

type Options = { url: string; auditKey: Buffer };

export async function createRiskSources(url: string) {
  return { inventory: await createSource(url, "toy-cloud"), directory: await createSource(url, "toy-hr") };
}

/** Syncs the inventory (a live, sweeping run: what it no longer reports goes). */
export async function syncRiskInventory(o: Options, sourceId: string, now: Date, omit: readonly string[] = []) {
  const { users, keys, grants } = riskInventory(now, omit);
  return executeRun(runOptions(o.url, sourceId, o.auditKey), [unitOf(usersStream, [users]), unitOf(keysStream, [keys]), unitOf(grantsStream, [grants])]);
}

export async function syncRiskDirectory(o: Options, sourceId: string) {
  const people = [
    { kind: "person", externalId: ANA, email: ANA, status: "active" },
    { kind: "person", externalId: LEO, email: LEO, status: "left" },
    { kind: "person", externalId: BO, email: BO, status: "active" },
  ];
  return executeRun(runOptions(o.url, sourceId, o.auditKey), [unitOf(peopleStream, [people])]);
}
