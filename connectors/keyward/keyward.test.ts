import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createFingerprinter,
  detectFormat,
  expectHarnessPasses,
  HARNESS_SCOPE,
  inspectFile,
  type KeywardRecordInput,
} from "../sdk";
import { keywardConnector } from ".";
import { FileProblemsError } from "./text/file-problems";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const JSON_CANARY = "ghp_CANARYkeywardFixture0123456789abcdefAB";
const CSV_CANARY = "xoxb-CANARY-keyward-csv-0123456789";
const ITEM_CANARY = "glpat-CANARYitemFixture0123456789";
const fingerprint = createFingerprinter(Buffer.alloc(32, 1));
const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint };

const streamOf = (name: string) => keywardConnector.streams.find((s) => s.name === name)!;
const transform = (stream: string, item: unknown): readonly KeywardRecordInput[] => streamOf(stream).transform(item, ctx);

const identity = { externalType: "keyward.identity", externalId: "svc-1", name: "svc one", type: "service_account" };

describe("keyward connector", () => {
  it("passes the connector harness with fixtures and sample files; planted values never reach a record", async () => {
    await expectHarnessPasses(keywardConnector, {
      fixtures: [
        { stream: "identities", items: [identity, { ...identity, externalId: "svc-2", status: "gone" }] },
        { stream: "resources", items: [{ externalType: "keyward.resource", externalId: "r1", name: "r1", type: "database" }] },
        {
          stream: "credentials",
          items: [
            {
              externalType: "keyward.credential",
              externalId: "c1",
              name: "c1",
              type: "api_key",
              status: "active",
              value: ITEM_CANARY,
            },
          ],
        },
        { stream: "people", items: [{ email: "X@Example.com", status: "left" }] },
        {
          stream: "edges",
          items: [
            {
              type: "owned_by",
              from: { externalType: "keyward.identity", externalId: "svc-1" },
              to: { externalType: "person", externalId: "x@example.com" },
            },
          ],
        },
      ],
      files: [
        { path: "exports/inventory.json", content: fixture("inventory.json") },
        { path: "exports/k8s.csv", content: fixture("inventory.csv") },
      ],
      canaries: [JSON_CANARY, CSV_CANARY, ITEM_CANARY],
    });
  });

  it("fingerprints a credential's value and keeps only the fingerprint and a masked hint", () => {
    const [record] = transform("credentials", {
      externalType: "keyward.credential",
      externalId: "c1",
      name: "c1",
      type: "token",
      value: ITEM_CANARY,
    });
    expect(record).toMatchObject({
      kind: "credential",
      status: "unknown",
      fingerprint: fingerprint(ITEM_CANARY),
      maskedHint: "glpa…",
    });
    expect(JSON.stringify(record)).not.toContain(ITEM_CANARY);
  });

  it("maps an identity entry to a record: owner hint, normalised times, null as absent", () => {
    const [record] = transform("identities", {
      ...identity,
      owner: { email: "Ann@Example.com" },
      createdAt: "2024-05-01T12:00:00+02:00",
      endDate: "2026-01-31",
      isHuman: null,
      environment: null,
    });
    expect(record).toEqual({
      kind: "identity",
      ...identity,
      type: "service_account",
      createdAt: "2024-05-01T10:00:00.000Z",
      endDate: "2026-01-31T00:00:00.000Z",
      ownerHint: { email: "ann@example.com", provenance: "keyward.file" },
      attributes: {},
      tags: {},
    });
  });

  it("loads nothing for entries an export marked gone", () => {
    expect(transform("identities", { ...identity, status: "gone" })).toEqual([]);
    expect(transform("people", { email: "a@b.io", status: "gone" })).toEqual([]);
  });

  it("keys people by lowercased e-mail whatever externalId an export shows", () => {
    expect(transform("people", { email: "Ann@Example.COM", externalId: "other", manager: "Boss@Example.com" })).toEqual([
      {
        kind: "person",
        externalId: "ann@example.com",
        email: "ann@example.com",
        status: "active",
        managerEmail: "boss@example.com",
      },
    ]);
  });

  it("refuses records of types outside the documented vocabulary", () => {
    expect(() => transform("identities", { ...identity, externalType: "acme.robot" })).toThrow(/not a Keyward identity type/);
  });

  it("refuses to list: Keyward sources are only imported", async () => {
    await expect(
      streamOf("identities").list({ scope: HARNESS_SCOPE, cursor: undefined, parent: undefined, ctx: {} as never }),
    ).rejects.toThrow(/keyward import/);
  });
});

describe("keyward formats: detection", () => {
  const formats = keywardConnector.formats;
  it("recognises the JSON document and the CSV by content, not by name", () => {
    expect(detectFormat(inspectFile("notes.txt", fixture("inventory.json")), formats)?.format.id).toBe("keyward.inventory-json");
    expect(detectFormat(inspectFile("data.json", fixture("inventory.csv")), formats)?.format.id).toBe("keyward.inventory-csv");
    expect(detectFormat(inspectFile("inventory.json", '{"identities": []}'), formats)).toBeNull();
    expect(detectFormat(inspectFile("a.csv", "email,name\na@b.io,A\n"), formats)).toBeNull();
  });

  it("claims a truncated Keyward document so the report can say what is wrong", () => {
    const truncated = fixture("inventory.json").slice(0, 400);
    const detected = detectFormat(inspectFile("cut.json", truncated), formats);
    expect(detected?.format.id).toBe("keyward.inventory-json");
    expect(() => detected!.format.parse(inspectFile("cut.json", truncated))).toThrow(FileProblemsError);
  });
});
