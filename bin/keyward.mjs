#!/usr/bin/env node
// Launches the TypeScript CLI with tsx. `react-server` makes `import "server-only"` resolve to its
// no-op build, since the CLI runs the same server-only data layer as the web app.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(home, "cli/main.ts"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      KEYWARD_HOME: process.env.KEYWARD_HOME ?? home,
      TSX_TSCONFIG_PATH: path.join(home, "tsconfig.json"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
);
// Ctrl-C reaches the whole process group; the CLI shuts down in order and we report its exit code.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
