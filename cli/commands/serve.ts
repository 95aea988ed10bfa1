import { getEnv } from "@/lib/env";
import { parseOptions, UsageError, type Command } from "@/cli/commands";
import { withDatabase } from "@/cli/with-database";
import { ensureProductionBuild, spawnNextServer, waitForHealthy } from "@/cli/next-server";
import { untilSignal } from "@/cli/signals";

export const serveCommand: Command = {
  summary: "run the web server only (no worker, no migrations)",
  usage: "serve [--port N]",
  async run(args) {
    const { values } = parseOptions(args, { port: { type: "string" } });
    const env = getEnv();
    const port = values.port === undefined ? env.KEYWARD_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port: "${values.port}" is not a port number`);
    return withDatabase(async ({ url }) => {
      await ensureProductionBuild(env.homeDir, (line) => console.log(line));
      const web = spawnNextServer(env.homeDir, {
        port,
        host: env.KEYWARD_HOST,
        env: { DATABASE_URL: url, KEYWARD_HOME: env.homeDir, KEYWARD_DATA_DIR: env.dataDir, NEXTAUTH_URL: env.baseUrl },
      });
      web.stdout?.pipe(process.stdout);
      web.stderr?.pipe(process.stderr);
      await waitForHealthy(`http://127.0.0.1:${port}`, web);
      console.log(`keyward: serving at ${env.baseUrl}`);
      await Promise.race([untilSignal(), new Promise((r) => web.once("exit", r))]);
      web.kill("SIGTERM");
      return 0;
    });
  },
};
