import { describe, expect, it } from "vitest";
import { describeEvidence, describeLocation, pathText } from "@/lib/risk/risk-evidence";

const key = { id: "c1", name: "deploy-key" };

describe("describeEvidence", () => {
  it("names the strongest grant, its resource and the credential it goes through", () => {
    const steps = describeEvidence("privilege", {
      grant: { level: "admin", reason: "level", role: null, resource: { id: "r1", name: "prod-db" }, via: { kind: "credential", ...key } },
      attribute: null,
      grants: 3,
    });
    expect(pathText(steps)).toBe("has_permission admin on prod-db via deploy-key (strongest of 3 grants)");
    expect(steps.find((s) => s.node)).toEqual({ text: "deploy-key", node: { kind: "credential", id: "c1" } });
  });

  it("says why a grant counts as admin and names an assumed role", () => {
    const steps = describeEvidence("privilege", {
      grant: { level: "admin", reason: "role", role: "cluster-admin", resource: { id: null, name: "arn:cluster" }, via: { kind: "assumed-role", id: "i2", name: "deployer" } },
      attribute: null,
      grants: 1,
    });
    expect(pathText(steps)).toBe("has_permission admin (role cluster-admin) on arn:cluster via can_assume deployer");
    expect(steps.at(-1)?.node).toEqual({ kind: "identity", id: "i2" });
  });

  it("leads with a superuser flag and says when nothing is known", () => {
    expect(pathText(describeEvidence("privilege", { grant: null, attribute: "superuser", grants: 0 }))).toBe("attribute superuser set on the identity");
    expect(pathText(describeEvidence("privilege", { grant: null, attribute: null, grants: 0 }))).toBe("no permission known");
  });

  it("explains the environment class", () => {
    expect(pathText(describeEvidence("environment", { environment: null, basis: "unset" }))).toBe("no environment set: counted as production");
    expect(pathText(describeEvidence("environment", { environment: "prod-eu", basis: "identity" }))).toBe("identity environment 'prod-eu'");
    expect(pathText(describeEvidence("environment", { environment: "dev", basis: "resource", resource: { id: "r", name: "billing-db", environment: "prod" } }))).toBe(
      "identity in 'dev', has_permission on billing-db in 'prod'",
    );
  });

  it("points at the file and commit of a secret in code, and the reasons of plain config", () => {
    const code = describeEvidence("exposure", {
      rule: "secret-in-code",
      credential: key,
      locations: [{ path: "app/settings.py", line: 12, commit: "0123456789abcdef0123", historyOnly: true }],
      credentials: 2,
    });
    expect(pathText(code)).toBe("secret-in-code: deploy-key in app/settings.py:12@0123456789ab (history only) (+1 more credentials)");
    const plain = describeEvidence("exposure", { rule: "secret-in-plain-config", credential: key, reasons: ["ci-variable-unmasked"], credentials: 1 });
    expect(pathText(plain)).toBe("secret-in-plain-config: deploy-key (ci-variable-unmasked)");
    expect(pathText(describeEvidence("exposure", {}))).toMatch(/^no secret/);
  });

  it("names where else a fingerprint is held", () => {
    const inFile = describeEvidence("reuse", { credential: key, holders: 3, also: { id: "c2", name: "leak", source: "code", location: { path: ".env", commit: "abcdef" } } });
    expect(pathText(inFile)).toBe("fingerprint of deploy-key also in .env@abcdef (3 holders in all)");
    const elsewhere = describeEvidence("reuse", { credential: key, holders: 2, also: { id: "c2", name: "CI_TOKEN", source: "gitlab", location: null } });
    expect(pathText(elsewhere)).toBe("fingerprint of deploy-key also in CI_TOKEN (gitlab)");
  });

  it("states the oldest credential's date against the policy", () => {
    const steps = describeEvidence("age", { credential: key, since: "2024-01-02T00:00:00.000Z", basis: "lastRotatedAt", maxAgeDays: 90 });
    expect(pathText(steps)).toBe("deploy-key last rotated 2024-01-02 (policy: rotate within 90 days)");
    expect(pathText(describeEvidence("age", { credential: key, since: "2023-05-01T00:00:00.000Z", basis: "createdAt", maxAgeDays: 180 }))).toBe(
      "deploy-key created, never rotated, 2023-05-01 (policy: rotate within 180 days)",
    );
  });

  it("names the owner and their status, or the missing owner", () => {
    expect(pathText(describeEvidence("ownership", { owner: { email: "ana@example.com", status: "left", via: "aws.tag:owner" }, suggested: null }))).toBe(
      "owner ana@example.com (left the organisation) via aws.tag:owner",
    );
    expect(pathText(describeEvidence("ownership", { owner: null, suggested: { email: "bo@example.com", via: "committer" } }))).toBe(
      "no owner; suggested bo@example.com via committer",
    );
    expect(pathText(describeEvidence("ownership", { owner: null, suggested: null }))).toBe("no owner resolved");
  });
});

describe("describeLocation", () => {
  it("falls back to the source when there is no path", () => {
    expect(describeLocation({ source: "gitlab" })).toBe("gitlab");
  });
});
