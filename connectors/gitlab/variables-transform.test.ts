import { describe, expect, it } from "vitest";
import { createFingerprinter } from "../sdk";
import { PAYMENTS, restJson, ROOT_GROUP, VARIABLE_CANARIES, withContext } from "./__fixtures__/rest-files";
import { only, single, transformWith } from "./__fixtures__/transform-helpers";
import { groupVariablesStream, projectVariablesStream } from "./streams/variables";
import { variableRecords } from "./transform/variable-records";

const projectContext = { level: "project", ownerId: PAYMENTS, ownerPath: "acme/payments-api", environment: "prod" };
const projectVariables = withContext(
  [...restJson("projects/42/variables.json"), ...restJson("projects/42/variables-page-2.json")],
  projectContext,
);
const groupVariables = withContext(restJson("groups/7/variables.json"), {
  level: "group",
  ownerId: ROOT_GROUP,
  ownerPath: "acme",
});
const toProjectRecords = transformWith(projectVariablesStream);
const toGroupRecords = transformWith(groupVariablesStream);
const byKey = (key: string) => {
  const item = [...projectVariables, ...groupVariables].find((v) => (v as Record<string, unknown>).key === key);
  if (!item) throw new Error(`no variable ${key}`);
  return item;
};

describe("gitlab CI/CD variable records", () => {
  it("records a masked, protected variable with its flags and a fingerprint, never its value", () => {
    const records = toProjectRecords(byKey("DATABASE_URL"));
    const credential = single(records, "credential");
    expect(credential).toMatchObject({
      externalType: "gitlab.ci_variable",
      externalId: "42:DATABASE_URL:production",
      name: "DATABASE_URL",
      type: "ci_variable",
      status: "active",
      // A concrete environment scope names the environment, over the configured one.
      environment: "production",
      fingerprint: expect.stringMatching(/^hmac-sha256:[0-9a-f]{64}$/),
      attributes: {
        level: "project",
        projectId: PAYMENTS,
        ownerPath: "acme/payments-api",
        variableType: "env_var",
        masked: true,
        protected: true,
        hidden: false,
        raw: false,
        environmentScope: "production",
        description: "Payments database",
        valueReadable: true,
      },
    });
    expect(credential.maskedHint).toBeUndefined();
    expect(single(records, "edge")).toMatchObject({
      type: "stored_in",
      to: { externalType: "gitlab.project", externalId: PAYMENTS },
      attributes: { environmentScope: "production", protected: true },
    });
  });

  it("records an unmasked file-type variable and keeps the configured environment for a wildcard scope", () => {
    const credential = single(toProjectRecords(byKey("GCP_SERVICE_ACCOUNT_JSON")), "credential");
    expect(credential.environment).toBe("prod");
    expect(credential.attributes).toMatchObject({
      variableType: "file",
      masked: false,
      protected: false,
      raw: true,
      environmentScope: "*",
    });
    expect(credential.fingerprint).toBeDefined();
  });

  it("gives a hidden variable (no value returned) no fingerprint, and a wildcard review scope the configured environment", () => {
    const credential = single(toProjectRecords(byKey("STRIPE_SECRET")), "credential");
    expect(credential.fingerprint).toBeUndefined();
    expect(credential.externalId).toBe("42:STRIPE_SECRET:review/*");
    expect(credential.environment).toBe("prod");
    expect(credential.attributes).toMatchObject({ hidden: true, masked: true, valueReadable: false });
  });

  it("does not fingerprint an empty value", () => {
    const credential = single(toGroupRecords(byKey("LOG_LEVEL")), "credential");
    expect(credential.fingerprint).toBeUndefined();
    expect(credential.environment).toBe("staging");
  });

  it("fingerprints a value exactly as fingerprint(value) does, so the same value matches across sources", () => {
    const fingerprint = createFingerprinter(Buffer.alloc(32, 7));
    const shared = "glvar-CANARY-shared-0c4e7b19d6a2";
    const [projectCredential] = variableRecords(byKey("SHARED_REGISTRY_TOKEN") as never, fingerprint);
    const [groupCredential] = variableRecords(byKey("REGISTRY_TOKEN") as never, fingerprint);
    expect(projectCredential).toMatchObject({ fingerprint: fingerprint(shared) });
    expect(groupCredential).toMatchObject({ fingerprint: fingerprint(shared) });
    // And the harness helper's fingerprinter (same key) agrees with computing it directly.
    expect(single(toGroupRecords(byKey("REGISTRY_TOKEN")), "credential").fingerprint).toBe(fingerprint(shared));
  });

  it("names group variables in the group's id space, stored in the group", () => {
    const records = toGroupRecords(byKey("REGISTRY_TOKEN"));
    expect(single(records, "credential")).toMatchObject({
      externalType: "gitlab.group_ci_variable",
      externalId: "7:REGISTRY_TOKEN:*",
      attributes: { level: "group", groupId: ROOT_GROUP },
    });
    expect(single(records, "credential").environment).toBeUndefined();
    expect(single(records, "edge").to).toEqual({ externalType: "gitlab.group", externalId: ROOT_GROUP });
  });

  it("never puts a variable value into any record", () => {
    const records = [
      ...projectVariables.flatMap((v) => toProjectRecords(v)),
      ...groupVariables.flatMap((v) => toGroupRecords(v)),
    ];
    expect(only(records, "credential")).toHaveLength(6);
    const text = JSON.stringify(records);
    for (const canary of VARIABLE_CANARIES) expect(text).not.toContain(canary);
    expect(text).not.toContain("glvar-CANARY");
  });
});
