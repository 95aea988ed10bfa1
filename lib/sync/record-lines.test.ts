import { describe, expect, it } from "vitest";
import { recordSchema } from "@/connectors/sdk";
import { SPEC_BY_KIND } from "@/lib/sync/kind-specs";
import { KeySet, Repeat } from "@/lib/sync/key-hash";
import { PAYLOAD_FIELDS, recordLine } from "@/lib/sync/record-lines";

const ctx = { scope: "acct", stream: "keys", defaultEnvironment: "prod" };
const parse = (input: unknown) => recordSchema.parse(input);

describe("staging rows", () => {
  it("write one payload value per payload column, in the same order, for every kind", () => {
    const records = {
      identity: parse({ kind: "identity", externalType: "toy.user", externalId: "u1", name: "U", type: "iam_user" }),
      credential: parse({ kind: "credential", externalType: "toy.key", externalId: "k1", name: "K", type: "api_key", status: "active", keySize: 2048 }),
      resource: parse({ kind: "resource", externalType: "toy.repo", externalId: "r1", name: "R", type: "repository" }),
      person: parse({ kind: "person", externalId: "p1", email: "P@Example.com", status: "active" }),
      edge: parse({ kind: "edge", type: "owned_by", from: { externalType: "toy.repo", externalId: "r1" }, to: { externalType: "person", externalId: "p1" } }),
    };
    for (const [kind, record] of Object.entries(records) as [keyof typeof records, (typeof records)[keyof typeof records]][]) {
      const spec = SPEC_BY_KIND[kind];
      const fields = recordLine(record, ctx).data.split("\t");
      expect(fields).toHaveLength(spec.key.length + 1);
      const payload = JSON.parse(fields.at(-1)!) as unknown[];
      expect(payload).toHaveLength(spec.payload.length);
      expect(PAYLOAD_FIELDS[kind]).toHaveLength(spec.payload.length);
      expect(payload[0]).toBe("acct");
    }
    const credential = JSON.parse(recordLine(records.credential, ctx).data.split("\t")[2]!) as unknown[];
    const column = (name: string) => SPEC_BY_KIND.credential.payload.findIndex(([c]) => c === name);
    expect(credential[column("key_size")]).toBe(2048);
    expect(credential[column("environment")]).toBe("prod");
    expect(recordLine(records.edge, ctx).data).toContain("edge:keys:owned_by");
    expect(recordLine(records.person, ctx).data.startsWith("person\tp1\t")).toBe(true);
  });

  it("change whenever a stored value changes, and only then", () => {
    const base = { kind: "credential", externalType: "toy.key", externalId: "k1", name: "K", type: "api_key", status: "active", attributes: { a: 1, b: 2 } };
    const line = (input: object, context = ctx) => recordLine(parse(input), context).data;
    expect(line({ ...base, attributes: { b: 2, a: 1 } })).toBe(line(base));
    expect(line({ ...base, status: "revoked" })).not.toBe(line(base));
    expect(line(base, { ...ctx, scope: "other" })).not.toBe(line(base));
    expect(line(base, { ...ctx, defaultEnvironment: "dev" })).not.toBe(line(base));
  });
});

describe("KeySet", () => {
  it("tells new keys, repeats within a unit and repeats of earlier units apart", () => {
    const keys = new KeySet();
    for (let i = 0; i < 5000; i++) expect(keys.add(`key-${i}`, 1)).toBe(Repeat.New);
    expect(keys.add("key-42", 1)).toBe(Repeat.SameUnit);
    expect(keys.add("key-43", 2)).toBe(Repeat.EarlierUnit);
    expect(keys.add("key-43", 2)).toBe(Repeat.SameUnit);
    expect(keys.add("key-5000", 2)).toBe(Repeat.New);
  });
});
