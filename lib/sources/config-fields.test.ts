import { z } from "zod";
import { describe, expect, it } from "vitest";
import { describeConfigFields, fieldLabel } from "@/lib/sources/config-fields";

const schema = z.object({
  engine: z.enum(["postgres", "mysql"]),
  connection: z.strictObject({ host: z.string().min(1), port: z.number().int().min(1).max(65_535).optional() }),
  password: z.string().min(1).optional(),
  tls: z.strictObject({ mode: z.enum(["disable", "require"]).default("require") }).default({ mode: "require" }),
  paths: z.array(z.string()).default([]),
  targets: z.array(z.object({ host: z.string() })).default([]),
  verbose: z.boolean().default(false),
  ratio: z.number().optional(),
  odd: z.union([z.string(), z.number()]).optional(),
});

describe("describeConfigFields", () => {
  const fields = describeConfigFields(schema, ["password"]);
  const byPath = Object.fromEntries(fields.map((f) => [f.path, f]));

  it("flattens nested objects into dotted fields and keeps schema order", () => {
    expect(fields.map((f) => f.path)).toEqual([
      "engine",
      "connection.host",
      "connection.port",
      "password",
      "tls.mode",
      "paths",
      "targets",
      "verbose",
      "ratio",
      "odd",
    ]);
  });

  it("maps each shape to an input kind; unsupported shapes become JSON", () => {
    expect(Object.fromEntries(fields.map((f) => [f.path, f.kind]))).toEqual({
      engine: "enum",
      "connection.host": "text",
      "connection.port": "integer",
      password: "secret",
      "tls.mode": "enum",
      paths: "string-list",
      targets: "json",
      verbose: "boolean",
      ratio: "number",
      odd: "json",
    });
    expect(byPath.engine!.options).toEqual(["postgres", "mysql"]);
  });

  it("marks required only what must be typed: no default, required up the whole path", () => {
    expect(fields.filter((f) => f.required).map((f) => f.path)).toEqual(["engine", "connection.host"]);
  });

  it("shows defaults and bounds, never a default for a secret", () => {
    expect(byPath["tls.mode"]!.defaultText).toBe("require");
    expect(byPath.verbose!.defaultText).toBe("false");
    expect(byPath["connection.port"]).toMatchObject({ min: 1, max: 65_535 });
    expect(byPath.password!.defaultText).toBeNull();
  });

  it("labels paths for people", () => {
    expect(fieldLabel("connectTimeoutMs")).toBe("Connect timeout ms");
    expect(fieldLabel("connection.host")).toBe("Connection › host");
  });
});
