import { describe, expect, it } from "vitest";
import { isEmailOwner, parseCodeowners, patternMatcher, ruleFor } from "./codeowners";

describe("CODEOWNERS patterns", () => {
  const cases: [string, string[], string[]][] = [
    ["*", ["a", "x/y/z.ts"], []],
    ["*.js", ["app.js", "src/deep/app.js"], ["app.jsx", "app.ts"]],
    ["/build/logs/", ["build/logs/a.txt", "build/logs/x/y"], ["build/logs", "src/build/logs/a.txt"]],
    ["apps/", ["apps/a", "src/apps/b/c"], ["apps", "myapps/a"]],
    ["docs/*", ["docs/intro.md"], ["docs/guide/a.md", "src/docs/intro.md"]],
    ["/docs", ["docs", "docs/a/b.md"], ["src/docs/a.md"]],
    ["apps/github", ["apps/github/a", "apps/github"], ["src/apps/github/a"]],
    ["**/logs", ["logs", "logs/a", "x/y/logs/b"], ["catalogs/a"]],
    ["/scripts/**", ["scripts/a", "scripts/x/y"], ["scripts", "src/scripts/a"]],
    ["a/**/b.txt", ["a/b.txt", "a/x/y/b.txt"], ["b.txt", "z/a/b.txt"]],
    ["file?.txt", ["file1.txt", "x/fileA.txt"], ["file10.txt", "file/.txt"]],
    [".env", [".env", "deploy/.env"], [".env.example", "x.env"]],
  ];
  it.each(cases)("%s matches what gitignore-style CODEOWNERS matching does", (pattern, yes, no) => {
    const matches = patternMatcher(pattern);
    for (const path of yes) expect(matches(path), `${pattern} should match ${path}`).toBe(true);
    for (const path of no) expect(matches(path), `${pattern} should not match ${path}`).toBe(false);
  });
});

describe("parseCodeowners and ruleFor", () => {
  const text = [
    "# top comment",
    "*                 @acme/platform",
    "",
    "[Database] @acme/dba",
    "/db/              dba@example.com  # trailing comment",
    "*.sql             sql@example.com",
    "/db/seed.sql",
    "!/db/ignored.sql  nobody@example.com",
    "/[ab]/            range@example.com",
    "my\\ file.txt      spaced@example.com",
    "\\#literal         hash@example.com",
  ].join("\n");
  const codeowners = parseCodeowners(".gitlab/CODEOWNERS", text);

  it("keeps rules with their line, skipping comments, section headers, negations and ranges", () => {
    expect(codeowners.rules.map((r) => [r.line, r.pattern, r.owners])).toEqual([
      [2, "*", ["@acme/platform"]],
      [5, "/db/", ["dba@example.com"]],
      [6, "*.sql", ["sql@example.com"]],
      [7, "/db/seed.sql", []],
      [10, "my file.txt", ["spaced@example.com"]],
      [11, "#literal", ["hash@example.com"]],
    ]);
  });

  it("lets the last matching line win, and a line without owners unown a path", () => {
    expect(ruleFor(codeowners, "src/app.ts")?.owners).toEqual(["@acme/platform"]);
    expect(ruleFor(codeowners, "db/schema.rb")?.owners).toEqual(["dba@example.com"]);
    expect(ruleFor(codeowners, "db/dump.sql")?.owners).toEqual(["sql@example.com"]);
    expect(ruleFor(codeowners, "db/seed.sql")?.owners).toEqual([]);
    expect(ruleFor(codeowners, "docs/my file.txt")?.owners).toEqual(["spaced@example.com"]);
    expect(ruleFor(parseCodeowners("CODEOWNERS", "/db/ a@example.com\n"), "src/x")).toBeUndefined();
  });

  it("tells e-mail owners from account and team handles", () => {
    expect(isEmailOwner("dba@example.com")).toBe(true);
    expect(isEmailOwner("@acme/dba")).toBe(false);
    expect(isEmailOwner("@octocat")).toBe(false);
  });
});
