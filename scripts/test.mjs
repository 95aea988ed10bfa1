// `npm test`: every check CI runs, in order, stopping at the first failure.
// lint → typecheck → unit → integration (real PostgreSQL) → production build → e2e (Chromium).
import { spawnSync } from "node:child_process";

const steps = [
  ["lint", ["npx", "eslint", "--max-warnings", "0", "."]],
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["unit tests", ["npx", "vitest", "run", "--project", "unit"]],
  ["integration tests", ["npx", "vitest", "run", "--project", "integration"]],
  ["production build", [process.execPath, "bin/keyward.mjs", "build"]],
  ["end-to-end tests", ["npx", "playwright", "test"]],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [name, [cmd, ...args]] of steps) {
  if (only.length && !only.some((word) => name.startsWith(word))) continue;
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
