import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat, inspectFile, type InspectedFile } from "../sdk";
import { graphFiles, TENANT_ID } from "./__fixtures__/graph-files";
import { ownersAppIdOf, tenantIdOf } from "./formats/import-path";
import { azureConnector } from "./index";

const APP_ID = "6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b";
const fixture = (name: string) => {
  const file = graphFiles.find((f) => f.path === `${TENANT_ID}/${name}`);
  if (!file) throw new Error(name);
  return file.content;
};
const detect = (file: InspectedFile) => detectFormat(file, azureConnector.formats);
const parse = (path: string, content: string) => {
  const file = inspectFile(path, content);
  const found = detect(file);
  if (!found) throw new Error(`${path} not recognised`);
  return { id: found.format.id, batches: found.format.parse(file) };
};

/** Fixture files of other connectors (and of sibling cloud connectors, when present). */
function foreignFiles(): { path: string; content: string }[] {
  const dirs = ["keyward", "people", "certificates", "database-roles", "aws", "gcp"].map(
    (c) => new URL(`../${c}/__fixtures__/`, import.meta.url),
  );
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(json|csv|txt|pem)$/.test(entry.name))
        .map((entry) => {
          const full = `${entry.parentPath}/${entry.name}`;
          return { path: entry.name, content: readFileSync(full, "utf8") };
        }),
    );
}

describe("offline Graph formats", () => {
  it("recognises each saved response by its @odata.context", () => {
    expect(parse("x/applications.json", fixture("applications.json")).id).toBe("azure.graph-applications");
    expect(parse("page2.json", fixture("applications-2.json")).id).toBe("azure.graph-applications");
    expect(parse("sp.json", fixture("servicePrincipals.json")).id).toBe("azure.graph-service-principals");
    expect(parse("org.json", fixture("organization.json")).id).toBe("azure.graph-organization");
    expect(parse("grants.json", fixture("servicePrincipals-9f8e7d6c-appRoleAssignments.json")).id).toBe(
      "azure.graph-app-role-assignments",
    );
    expect(parse(`owners/${APP_ID}.json`, fixture(`owners/${APP_ID}.json`)).id).toBe("azure.graph-application-owners");
  });

  it("also recognises $select and $expand responses, whose context lists the properties", () => {
    const selected = {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications(id,appId,owners())",
      value: [],
    };
    expect(parse("apps.json", JSON.stringify(selected)).id).toBe("azure.graph-applications");
  });

  it("takes the tenant from a GUID folder and stamps the import time on every item", () => {
    const before = new Date().toISOString();
    const { batches } = parse(`exports/${TENANT_ID}/applications.json`, fixture("applications.json"));
    expect(batches).toHaveLength(1);
    expect(batches[0]?.stream).toBe("applications");
    expect(batches[0]?.items).toHaveLength(3);
    const keyward = (batches[0]?.items[0] as { keyward: { tenantId: string; observedAt: string } }).keyward;
    expect(keyward.tenantId).toBe(TENANT_ID);
    expect(keyward.observedAt >= before).toBe(true);
    const [withoutTenant] = parse("applications.json", fixture("applications.json")).batches;
    expect((withoutTenant?.items[0] as { keyward: object }).keyward).not.toHaveProperty("tenantId");
  });

  it("names the owners' application from the path, in each documented layout", () => {
    const owners = fixture(`owners/${APP_ID}.json`);
    for (const path of [
      `owners/${APP_ID}.json`,
      `${TENANT_ID}/applications/${APP_ID}/owners.json`,
      `applications-${APP_ID}-owners.json`,
    ]) {
      const [batch] = parse(path, owners).batches;
      expect(batch).toMatchObject({ stream: "applications", items: [{ ownersOf: APP_ID }] });
    }
    expect(ownersAppIdOf(`applications/${APP_ID.toUpperCase()}/owners-page-2.json`)).toBe(APP_ID);
    expect(tenantIdOf(`${TENANT_ID}/applications/${APP_ID}/owners.json`)).toBe(TENANT_ID);
    expect(tenantIdOf(`applications/${APP_ID}/owners.json`)).toBeUndefined();
  });

  it("leaves a directoryObjects response alone when its path names no application", () => {
    expect(detect(inspectFile("memberOf.json", fixture(`owners/${APP_ID}.json`)))).toBeNull();
  });

  it("takes the principal of an appRoleAssignments response from its @odata.context", () => {
    const [batch] = parse("grants.json", fixture("servicePrincipals-9f8e7d6c-appRoleAssignments.json")).batches;
    expect(batch).toMatchObject({
      stream: "service-principals",
      items: [{ assignmentsOf: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a" }],
    });
    expect((batch?.items[0] as { appRoleAssignments: unknown[] }).appRoleAssignments).toHaveLength(2);
  });

  it("reports a malformed page as a format error naming the field", () => {
    const broken = {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications",
      value: [],
      "@odata.nextLink": 42,
    };
    expect(() => parse("apps.json", JSON.stringify(broken))).toThrow(/@odata\.nextLink/);
  });

  it("does not claim other connectors' files or unrelated JSON", () => {
    const foreign = foreignFiles();
    expect(foreign.length).toBeGreaterThan(0);
    for (const file of foreign) expect(detect(inspectFile(file.path, file.content)), file.path).toBeNull();
    expect(detect(inspectFile("list.json", JSON.stringify({ value: [{ id: 1 }] })))).toBeNull();
    expect(
      detect(
        inspectFile(
          "users.json",
          JSON.stringify({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", value: [] }),
        ),
      ),
    ).toBeNull();
  });
});
