import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRun } from "@/lib/sync/execute-run";
import { createSource, query, runOptions } from "@/lib/sync/testing/run-fixtures";
import { key, keysStream, peopleStream, person, toyStream, unitOf, user, usersStream } from "@/lib/sync/testing/toy-connector";
import type { WorkUnit } from "@/lib/sync/types";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

const edge = (type: string, from: [string, string], to: [string, string]) => ({
  kind: "edge",
  type,
  from: { externalType: from[0], externalId: from[1] },
  to: { externalType: to[0], externalId: to[1] },
});

describe("reference resolution across sources", () => {
  let t: TestDatabase;
  let aws: string;
  let github: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    aws = await createSource(t.url, "aws-prod");
    github = await createSource(t.url, "github-org");
  });
  afterAll(() => t.drop());
  const run = (sourceId: string, units: WorkUnit[]) => executeRun(runOptions(t.url, sourceId, TEST_AUDIT_KEY), units);
  const nodeId = async (table: string, sourceId: string, externalId: string) =>
    (await query<{ id: string }>(t.url, `SELECT id FROM ${table} WHERE source_id = $1 AND external_id = $2`, [sourceId, externalId]))[0]?.id;
  const edgeEnds = async (sourceId: string) =>
    query<{ type: string; from_id: string | null; to_id: string | null }>(
      t.url,
      `SELECT type, from_id, to_id FROM edges WHERE source_id = $1 ORDER BY type, to_external_id`,
      [sourceId],
    );

  it("resolves an edge and a credential's identity into another source's nodes", async () => {
    await run(aws, [unitOf(usersStream, [[user("deployer")]])]);
    const secrets = toyStream("secrets", ["toy.secret"]);
    await run(github, [
      unitOf(secrets, [
        [
          [
            { ...key("ci-secret", "deployer"), externalType: "toy.secret" },
            edge("stored_in", ["toy.user", "deployer"], ["toy.secret", "ci-secret"]),
          ],
        ],
      ]),
    ]);
    const deployer = await nodeId("identities", aws, "deployer");
    const secret = await nodeId("credentials", github, "ci-secret");
    expect(deployer).toBeDefined();
    const [cred] = await query<{ identity_id: string }>(t.url, `SELECT identity_id FROM credentials WHERE id = $1`, [secret]);
    expect(cred?.identity_id).toBe(deployer);
    expect(await edgeEnds(github)).toEqual([{ type: "stored_in", from_id: deployer, to_id: secret }]);
  });

  it("prefers the node in the edge's own source", async () => {
    await run(github, [unitOf(usersStream, [[user("deployer")]])]);
    await run(github, [unitOf(keysStream, [[key("own-key", "deployer")]])]);
    const [cred] = await query<{ identity_id: string }>(t.url, `SELECT identity_id FROM credentials WHERE source_id = $1 AND external_id = 'own-key'`, [github]);
    expect(cred?.identity_id).toBe(await nodeId("identities", github, "deployer"));
  });

  it("resolves references that wait for nodes loaded later, by another source", async () => {
    const hr = await createSource(t.url, "hr-directory");
    const owners = toyStream("owners", ["toy.repo"]);
    await run(github, [
      unitOf(owners, [
        [[{ kind: "resource", externalType: "toy.repo", externalId: "infra", name: "infra", type: "repository" }, edge("owned_by", ["toy.repo", "infra"], ["person", "ana@example.com"])]],
      ]),
    ]);
    const [waiting] = await query<{ to_id: string | null }>(t.url, `SELECT to_id FROM edges WHERE type = 'owned_by'`);
    expect(waiting?.to_id).toBeNull();

    // The person's external id is an employee number; the edge named her by e-mail.
    await run(hr, [unitOf(peopleStream, [[person("E1001", { email: "Ana@Example.com" })]])]);
    const [resolved] = await query<{ to_id: string | null }>(t.url, `SELECT to_id FROM edges WHERE type = 'owned_by'`);
    expect(resolved?.to_id).toBe(await nodeId("people", hr, "E1001"));
  });
});
