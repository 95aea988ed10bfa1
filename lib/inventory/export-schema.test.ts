import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exportDocumentSchema } from "@/lib/inventory/export-schema";

describe("export schema inventory/v1", () => {
  it("is published as JSON Schema in docs/export-schema/v1.schema.json (regenerate with vitest -u)", async () => {
    const schema = {
      title: "Keyward inventory export, inventory/v1",
      ...z.toJSONSchema(exportDocumentSchema, { target: "draft-2020-12", io: "output" }),
    };
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot("../../docs/export-schema/v1.schema.json");
  });

  it("requires the contract fields of PRODUCT.md on identities, credentials and findings", () => {
    const required = (object: z.ZodObject) => Object.keys(object.shape);
    const shape = exportDocumentSchema.shape;
    const contract = ["id", "source", "type", "externalId", "name", "environment", "status", "owner", "createdAt"];
    expect(required(shape.identities.element)).toEqual(expect.arrayContaining(contract));
    expect(required(shape.credentials.element)).toEqual(
      expect.arrayContaining([...contract, "identityId", "lastRotatedAt", "lastUsedAt", "expiresAt", "fingerprint", "locations"]),
    );
    expect(required(shape.findings.element)).toEqual(
      expect.arrayContaining(["id", "rule", "severity", "owasp", "status", "subjectType", "subjectId", "evidence"]),
    );
    expect(Object.keys(shape)).toEqual([
      "keyward",
      "asOf",
      "identities",
      "credentials",
      "resources",
      "edges",
      "people",
      "findings",
    ]);
  });
});
