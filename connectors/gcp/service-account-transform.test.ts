import { describe, expect, it } from "vitest";
import { createFingerprinter, HARNESS_SCOPE, recordSchema, type KeywardRecord } from "../sdk";
import {
  DEFAULT_APP_ENGINE,
  DEFAULT_COMPUTE,
  DEPLOYER,
  gcloudJson,
  LEDGER_EXPORT,
  LEGACY_BATCH,
  PROJECT_ID,
  PROJECT_NUMBER,
} from "./__fixtures__/gcloud-files";
import { serviceAccountsStream } from "./streams/service-accounts";

const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 7)) };
const accounts = gcloudJson("service-accounts.json");
const byEmail = (email: string) => accounts.find((a) => a.email === email) as Record<string, unknown>;
const transform = (item: unknown): KeywardRecord[] => serviceAccountsStream.transform(item, ctx).map((r) => recordSchema.parse(r));
const identityOf = (records: KeywardRecord[]) => records.find((r) => r.kind === "identity");

describe("service account transform", () => {
  it("records a user-managed account as a machine identity of its project, owner and team from the description", () => {
    const records = transform(byEmail(DEPLOYER));
    expect(identityOf(records)).toMatchObject({
      externalType: "gcp.service_account",
      externalId: DEPLOYER,
      name: DEPLOYER,
      type: "service_account",
      status: "active",
      isHuman: false,
      interactive: false,
      ownerHint: { email: "sofia.rossi@acme.example", team: "payments", provenance: "gcp.description:owner" },
      attributes: { accountId: PROJECT_ID, projectId: PROJECT_ID, uniqueId: "104593485017326791234", accountKind: "user_managed" },
    });
    expect(records.filter((r) => r.kind === "edge")).toEqual([
      expect.objectContaining({
        type: "member_of",
        from: { externalType: "gcp.service_account", externalId: DEPLOYER },
        to: { externalType: "gcp.project", externalId: PROJECT_ID },
      }),
    ]);
  });

  it("recognises the Compute Engine default account by its <number>-compute address", () => {
    const identity = identityOf(transform(byEmail(DEFAULT_COMPUTE)));
    expect(identity?.attributes).toMatchObject({ accountKind: "default_compute", defaultAccount: "compute_engine", projectNumber: PROJECT_NUMBER });
    expect(identity?.ownerHint).toBeUndefined();
  });

  it("recognises the App Engine default account by its <project>@appspot address", () => {
    expect(identityOf(transform(byEmail(DEFAULT_APP_ENGINE)))?.attributes).toMatchObject({
      accountKind: "default_app_engine",
      defaultAccount: "app_engine",
    });
  });

  it("marks a disabled account inactive and reads the owner=… form too", () => {
    expect(identityOf(transform(byEmail(LEGACY_BATCH)))).toMatchObject({
      status: "inactive",
      ownerHint: { email: "jonas.berg@acme.example", provenance: "gcp.description:owner" },
      attributes: { disabled: true },
    });
  });

  it("keeps a unicode display name and has no owner without the convention", () => {
    const identity = identityOf(transform(byEmail(LEDGER_EXPORT)));
    expect(identity?.attributes).toMatchObject({ displayName: "Exports comptables 📊" });
    expect(identity?.ownerHint).toBeUndefined();
  });

  it("does not take a bare address in the description for an owner, but a team alone is kept", () => {
    const item = { ...byEmail(DEPLOYER), description: "Impersonated by ci@acme-platform-ci.iam.gserviceaccount.com; team: payments" };
    expect(identityOf(transform(item))?.ownerHint).toEqual({ team: "payments", provenance: "gcp.description:team" });
  });

  it("takes the environment from the listing's context and the project from the resource name when projectId is missing", () => {
    const { projectId: _omitted, ...item } = byEmail(DEPLOYER);
    const records = transform({ ...item, keyward: { projectId: "ignored-scope-project", environment: "prod" } });
    expect(identityOf(records)).toMatchObject({ environment: "prod", attributes: { projectId: PROJECT_ID } });
    expect(records.find((r) => r.kind === "edge")).toMatchObject({ to: { externalId: PROJECT_ID } });
  });

  it("uses the lowercased address as the natural key, as IAM bindings and key names spell it", () => {
    const identity = identityOf(transform({ ...byEmail(DEPLOYER), email: DEPLOYER.toUpperCase() }));
    expect(identity?.externalId).toBe(DEPLOYER);
  });
});
