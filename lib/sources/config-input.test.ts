import { z } from "zod";
import { describe, expect, it } from "vitest";
import { describeConfigFields } from "@/lib/sources/config-fields";
import { configFormText, readConfigForm, splitSecrets } from "@/lib/sources/config-input";

const schema = z.object({
  engine: z.enum(["postgres", "mysql"]),
  connection: z.object({ host: z.string(), port: z.number().int().optional() }),
  password: z.string().optional(),
  paths: z.array(z.string()).default([]),
  targets: z.array(z.object({ host: z.string() })).default([]),
  verbose: z.boolean().default(false),
});
const fields = describeConfigFields(schema, ["password"]);

describe("readConfigForm", () => {
  it("builds the nested config, leaves empty inputs out and reads an unticked box as false", () => {
    const config = readConfigForm(fields, {
      engine: "mysql",
      "connection.host": " db.internal ",
      "connection.port": "3306",
      password: "  spaces kept  ",
      paths: "/etc/ssl\n\n /srv/certs \n",
      targets: '[{"host":"a.example"}]',
    });
    expect(config).toEqual({
      engine: "mysql",
      connection: { host: "db.internal", port: 3306 },
      password: "  spaces kept  ",
      paths: ["/etc/ssl", "/srv/certs"],
      targets: [{ host: "a.example" }],
      verbose: false,
    });
    expect(readConfigForm(fields, { verbose: "on" })).toEqual({ verbose: true });
  });

  it.each([
    [{ "connection.port": "54.5" }, "connection.port", "whole number"],
    [{ engine: "oracle" }, "engine", "one of postgres, mysql"],
    [{ targets: "[{host:" }, "targets", "valid JSON"],
  ])("names the field of a bad value %o", (values, field, message) => {
    expect(() => readConfigForm(fields, values)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", field, message: expect.stringContaining(message) }));
  });

  it("does not echo a bad value in its message", () => {
    const secretLooking = "[ghp_notjsonAbCdEf0123456789";
    try {
      readConfigForm(fields, { targets: secretLooking });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(secretLooking);
    }
  });
});

describe("splitSecrets and configFormText", () => {
  it("keeps secret fields apart from what is stored and shown", () => {
    const { plain, secrets } = splitSecrets({ engine: "postgres", password: "pw", paths: [] }, ["password"]);
    expect(plain).toEqual({ engine: "postgres", paths: [] });
    expect(secrets).toEqual({ password: "pw" });
  });

  it("shows a stored config as the form's text, never a secret", () => {
    const text = configFormText(fields, { engine: "postgres", connection: { host: "h", port: 5432 }, password: "pw", paths: ["/a", "/b"], targets: [{ host: "x" }], verbose: true });
    expect(text).toEqual({
      engine: "postgres",
      "connection.host": "h",
      "connection.port": "5432",
      paths: "/a\n/b",
      targets: JSON.stringify([{ host: "x" }], null, 2),
      verbose: "true",
    });
  });
});
