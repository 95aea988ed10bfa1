import { describe, expect, it } from "vitest";
import { getCatalogue, parseCatalogue } from "@/lib/policy/catalogue";
import { PolicyCatalogueError } from "@/lib/policy/errors";
import { RULE_QUERIES } from "@/lib/policy/rules";

/** The rule ids of PRODUCT.md's "Built-in policies" table: stable, used by exports and suppressions. */
const PRODUCT_RULE_IDS = [
  "credential-max-age", "no-expiry", "unused", "never-used", "no-owner", "owner-departed", "cert-expired", "cert-expiring",
  "weak-key", "secret-in-code", "secret-in-plain-config", "secret-reused", "cross-environment", "privileged", "write-deploy-key",
  "oidc-trust-unconditioned", "external-trust", "static-cloud-key-in-ci", "non-expiring-token", "multiple-active-keys",
  "outlived-purpose", "human-use",
];

describe("policies/rules.json", () => {
  const catalogue = getCatalogue();

  it("lists exactly the product's rules, each with SQL for the subjects it declares", () => {
    expect(catalogue.version).toBe(1);
    expect(catalogue.rules.map((r) => r.id).sort()).toEqual([...PRODUCT_RULE_IDS].sort());
    expect([...RULE_QUERIES.keys()].sort()).toEqual([...PRODUCT_RULE_IDS].sort());
    for (const rule of catalogue.rules) expect([...RULE_QUERIES.get(rule.id)!.subjects].sort(), rule.id).toEqual([...rule.subjects].sort());
  });

  it("carries the product's default thresholds", () => {
    const defaults = Object.fromEntries(catalogue.rules.flatMap((r) => Object.entries(r.thresholds).map(([k, v]) => [`${r.id}.${k}`, v.default])));
    expect(defaults).toEqual({
      "credential-max-age.maxAgeDays": { prod: 90, "non-prod": 180 },
      "no-expiry.maxValidityDays": 365,
      "unused.maxIdleDays": 90,
      "never-used.graceDays": 30,
      "cert-expiring.warningDays": 30,
      "weak-key.minRsaBits": 2048,
    });
  });

  it("maps every rule to an OWASP category and to all four control frameworks", () => {
    for (const rule of catalogue.rules) {
      expect(rule.owasp, rule.id).toMatch(/^NHI([1-9]|10)$/);
      expect(Object.keys(rule.controls).sort(), rule.id).toEqual(["dora", "nist-csf-2.0", "pci-dss-4.0", "soc2"]);
    }
    expect(catalogue.rules.find((r) => r.id === "secret-reused")?.owasp).toBe("NHI9");
  });

  it("names every problem of an invalid catalogue", () => {
    const [first] = catalogue.rules;
    const broken = {
      ...catalogue,
      rules: [first, { ...first, severity: "urgent", thresholds: { maxAgeDays: { ...first!.thresholds.maxAgeDays, default: 0 } } }],
    };
    const error = (() => {
      try {
        parseCatalogue(broken);
      } catch (e) {
        return e as PolicyCatalogueError;
      }
    })();
    expect(error).toBeInstanceOf(PolicyCatalogueError);
    expect(error?.code).toBe("INVALID_CATALOGUE");
    expect(error?.problems.join("\n")).toMatch(/rules\.1\.severity/);
    expect(error?.problems.join("\n")).toMatch(/rules\.1\.thresholds\.maxAgeDays/);
    expect(() => parseCatalogue({ ...catalogue, rules: [first, first] })).toThrow(/unique/);
  });
});
