import { describe, expect, it } from "vitest";
import { createFingerprinter, HARNESS_SCOPE, recordSchema, type EdgeRecord, type KeywardRecord } from "../sdk";
import { DEFAULT_COMPUTE, DEPLOYER, gcloudJson, LEDGER_EXPORT, LEGACY_BATCH, PROJECT_ID } from "./__fixtures__/gcloud-files";
import { projectIamStream } from "./streams/project-iam";
import { gradeRole } from "./transform/role-level";

const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 7)) };
const policy = gcloudJson<Record<string, unknown>>("acme-payments-prod/iam-policy.json");
const transform = (item: unknown): KeywardRecord[] => projectIamStream.transform(item, ctx).map((r) => recordSchema.parse(r));
const records = transform({ ...policy, keyward: { projectId: PROJECT_ID, environment: "prod" } });
const edges = records.filter((r): r is EdgeRecord => r.kind === "edge");
const edgeFrom = (email: string) => edges.find((e) => e.from.externalId === email);

describe("project IAM policy transform", () => {
  it("records the project resource, named and placed by the listing's context", () => {
    expect(records[0]).toEqual({
      kind: "resource",
      externalType: "gcp.project",
      externalId: PROJECT_ID,
      name: PROJECT_ID,
      type: "project",
      environment: "prod",
      attributes: { projectId: PROJECT_ID, iamPolicyVersion: 3 },
    });
  });

  it("emits one has_permission edge per service account, ignoring users, groups, domains and deleted members", () => {
    expect(edges.map((e) => e.from.externalId)).toEqual([
      "415104041262-compute@developer.gserviceaccount.com",
      "415104041262@cloudservices.gserviceaccount.com",
      "ci-runner@acme-platform-ci.iam.gserviceaccount.com",
      LEDGER_EXPORT,
      LEGACY_BATCH,
      DEPLOYER,
    ]);
    expect(edges.every((e) => e.type === "has_permission" && e.to.externalId === PROJECT_ID)).toBe(true);
    expect(JSON.stringify(records)).not.toMatch(/priya\.natarajan|payments-eng|security-auditors|old-reporting|domain:/);
  });

  it("grades roles/editor on the default compute account as admin, keeping the role as evidence", () => {
    expect(edgeFrom(DEFAULT_COMPUTE)).toMatchObject({
      level: "admin",
      attributes: { role: "roles/editor", reason: "basic role", conditional: false, roles: ["roles/editor"] },
    });
  });

  it("takes the strongest of several roles: serviceAccountUser (impersonation) beats run.developer", () => {
    expect(edgeFrom(DEPLOYER)).toMatchObject({
      level: "admin",
      attributes: {
        role: "roles/iam.serviceAccountUser",
        roles: ["roles/iam.serviceAccountUser", "roles/run.developer"],
        grants: [
          { role: "roles/iam.serviceAccountUser", level: "admin" },
          { role: "roles/run.developer", level: "write" },
        ],
      },
    });
  });

  it("counts a conditional grant and shows its condition", () => {
    expect(edgeFrom(LEGACY_BATCH)).toMatchObject({
      level: "admin",
      attributes: {
        role: "roles/storage.objectAdmin",
        conditional: true,
        grants: [
          {
            role: "roles/storage.objectAdmin",
            level: "admin",
            condition: { title: "expires-2025-07-01", expression: 'request.time < timestamp("2025-07-01T00:00:00Z")' },
          },
          { role: "roles/storage.objectViewer", level: "read" },
        ],
      },
    });
  });

  it("grades viewer roles read and writer roles write, and flags an account of another project", () => {
    expect(edgeFrom(LEDGER_EXPORT)).toMatchObject({ level: "read", attributes: { role: "roles/bigquery.dataViewer" } });
    expect(edgeFrom(LEDGER_EXPORT)?.attributes).not.toHaveProperty("external");
    expect(edgeFrom("ci-runner@acme-platform-ci.iam.gserviceaccount.com")).toMatchObject({
      level: "write",
      attributes: { role: "roles/artifactregistry.writer", external: true },
    });
  });

  it("records an empty policy (no bindings) as the project alone", () => {
    expect(transform({ etag: "ACAB", keyward: { projectId: PROJECT_ID } })).toEqual([
      expect.objectContaining({ kind: "resource", externalId: PROJECT_ID }),
    ]);
  });

  it("refuses a policy that does not say which project it belongs to", () => {
    expect(() => transform(policy)).toThrow(/keyward: an IAM policy needs the project/);
  });
});

describe("gradeRole", () => {
  it.each([
    ["roles/owner", "admin"],
    ["roles/editor", "admin"],
    ["roles/viewer", "read"],
    ["roles/browser", "read"],
    ["roles/storage.admin", "admin"],
    ["roles/iam.securityAdmin", "admin"],
    ["roles/compute.instanceAdmin.v1", "admin"],
    ["roles/iam.serviceAccountTokenCreator", "admin"],
    ["roles/bigquery.dataEditor", "write"],
    ["roles/storage.objectViewer", "read"],
    ["roles/iam.securityReviewer", "read"],
    ["roles/secretmanager.secretAccessor", "read"],
    ["roles/pubsub.publisher", "write"],
    ["projects/acme-payments-prod/roles/deployAdmin", "admin"],
    ["organizations/123456789012/roles/auditReader", "read"],
    ["projects/acme-payments-prod/roles/customThing", "write"],
  ])("%s → %s", (role, level) => {
    expect(gradeRole(role).level).toBe(level);
  });
});
