// Lint rules, including the module boundaries of ARCHITECTURE.md as `no-restricted-imports`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const PRISMA = ["@/lib/db", "@/lib/generated/*", "@prisma/*", "**/lib/db", "**/generated/prisma/*"];
const REGISTRY = ["@/connectors/registry", "**/connectors/registry"];

/**
 * Which imports each folder may not use (ENGINEERING.md "Boundaries"). One entry per folder, since
 * ESLint replaces (not merges) a rule's options when two config blocks match the same file.
 */
const BOUNDARIES = {
  "connectors/**": {
    banned: ["@/lib/*", "@/app/*", "@/components/*", "@prisma/*", "next", "next/*", "**/lib/*", "**/app/*", "**/components/*"],
    why: "Connectors emit records; they import only connectors/sdk, zod and provider SDKs.",
  },
  "lib/domain/**": {
    banned: [...PRISMA, ...REGISTRY, "next", "next/*", "react", "@/lib/sync/*", "@/lib/inventory/*", "@/lib/auth/*", "@/lib/audit/*", "node:fs", "node:child_process", "pg"],
    why: "lib/domain is pure: no database, Next or I/O.",
  },
  "components/**": {
    banned: [...PRISMA, ...REGISTRY, "@/lib/inventory/*", "@/lib/sync/*", "@/lib/audit/*", "@/lib/jobs/*", "@/connectors/*", "pg"],
    why: "Components receive DTOs by props; they never touch the database or connectors.",
  },
  "app/**": {
    banned: [...PRISMA, ...REGISTRY, "@/connectors/*", "pg"],
    why: "Pages and route handlers call lib/inventory, lib/auth, lib/audit; never Prisma or connectors.",
  },
  "lib/{inventory,auth,audit}/**": {
    banned: REGISTRY,
    why: "Only lib/sync and the CLI import connectors/registry.",
  },
};

function boundaryRules() {
  return Object.entries(BOUNDARIES).map(([files, { banned, why }]) => ({
    files: [files],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: banned, message: why }] }] },
  }));
}

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", "next-env.d.ts", "tmp/**", "test-results/**", "playwright-report/**", ".keyward/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly", clearTimeout: "readonly", crypto: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts (getEnv)." },
      ],
    },
  },
  // Boundary 5: process.env only in lib/env.ts, config files, scripts, tests and the CLI launcher.
  {
    files: ["lib/env.ts", "*.config.*", "proxy.ts", "scripts/**", "bin/**", "test/**", "e2e/**", "**/*.test.ts", "cli/next-server.ts", "cli/commands/start.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  ...boundaryRules(),
  // Connectors reach the network only through the SDK's guarded client (SSRF rules, retries).
  {
    files: ["connectors/**"],
    ignores: ["connectors/sdk/http.ts", "connectors/sdk/guarded-dispatcher.ts", "**/*.test.ts"],
    rules: { "no-restricted-globals": ["error", { name: "fetch", message: "Use ctx.http (connectors/sdk guarded HTTP client)." }] },
  },
  {
    files: ["**/*.test.ts", "test/**", "e2e/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
