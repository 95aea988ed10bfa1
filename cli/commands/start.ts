import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, getEnv } from "@/lib/env";
import { getDb } from "@/lib/db";
import { bootstrapAdmin } from "@/lib/auth/bootstrap-admin";
import { runMigrations } from "@/lib/migrate/run-migrations";
import { acquireDatabase } from "@/lib/runtime/database";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { isPortFree } from "@/lib/runtime/port-check";
import { parseOptions, type Command } from "@/cli/commands";
import { childEnv, ensureProductionBuild, nextLogFile, spawnNextServer, waitForHealthy } from "@/cli/next-server";
import { untilSignal } from "@/cli/signals";
import { loadDemoOnFirstStart } from "@/cli/demo";

const say = (line: string) => console.log(`keyward: ${line}`);

function pipeToLog(child: ChildProcess, file: string): void {
  const stream = fs.createWriteStream(file, { flags: "a" });
  child.stdout?.pipe(stream);
  child.stderr?.pipe(stream);
}

function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, first admin, production build
 * if stale, demo data on first start, then the web server and one worker until Ctrl-C.
 */
export const startCommand: Command = {
  summary: "run Keyward: database, web server and worker",
  usage: "start [--no-demo]",
  async run(args) {
    const { values } = parseOptions(args, { "no-demo": { type: "boolean" } });
    const env = getEnv();
    const keys = getInstanceKeys();
    if (!(await isPortFree(env.KEYWARD_PORT, env.KEYWARD_HOST))) {
      throw new ConfigError(`KEYWARD_PORT: port ${env.KEYWARD_PORT} is in use by another program; stop it or set KEYWARD_PORT to a free port`);
    }
    fs.mkdirSync(env.dataDir, { recursive: true });
    const t0 = Date.now();
    const database = await acquireDatabase({ log: say });
    const children: ChildProcess[] = [];
    try {
      say(database.embedded ? `embedded PostgreSQL ready (data in ${path.join(env.dataDir, "postgres")})` : "connected to DATABASE_URL");
      const migrated = await runMigrations(database.url);
      if (migrated.applied.length) say(`applied ${migrated.applied.length} migration(s)`);
      const admin = await bootstrapAdmin(getDb(), { email: env.KEYWARD_ADMIN_EMAIL, password: env.KEYWARD_ADMIN_PASSWORD, auditKey: keys.auditKey });
      if (!values["no-demo"] && env.KEYWARD_DEMO === "on") await loadDemoOnFirstStart(say);
      await getDb().$disconnect();
      await ensureProductionBuild(env.homeDir, say);

      const shared = { DATABASE_URL: database.url, KEYWARD_HOME: env.homeDir, KEYWARD_DATA_DIR: env.dataDir, NEXTAUTH_URL: env.baseUrl };
      const web = spawnNextServer(env.homeDir, { port: env.KEYWARD_PORT, host: env.KEYWARD_HOST, env: shared });
      pipeToLog(web, nextLogFile(env.dataDir));
      children.push(web);
      const worker = spawn(process.execPath, [path.join(env.homeDir, "bin/keyward.mjs"), "worker"], {
        env: childEnv(shared),
        stdio: ["ignore", "pipe", "pipe"],
      });
      pipeToLog(worker, path.join(env.dataDir, "worker.log"));
      children.push(worker);
      await waitForHealthy(`http://127.0.0.1:${env.KEYWARD_PORT}`, web);

      say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      console.log(`\n  Keyward is running at ${env.baseUrl}\n`);
      if (admin.created && !admin.passwordFromEnv) {
        console.log(`  Sign in as ${admin.email} with password:  ${admin.password}`);
        console.log("  (shown once; change it after signing in: account menu → Change password)\n");
      } else {
        console.log(`  Sign in with your Keyward account${admin.created ? ` (${admin.email}, password from KEYWARD_ADMIN_PASSWORD)` : ""}.\n`);
      }
      console.log(`  Logs: ${env.dataDir}/{web,worker,postgres}.log    Stop: Ctrl-C\n`);

      const exited = new Promise<string>((resolve) => {
        web.once("exit", (code) => resolve(`the web server exited (code ${code}); see ${nextLogFile(env.dataDir)}`));
        worker.once("exit", (code) => resolve(`the worker exited (code ${code}); see ${env.dataDir}/worker.log`));
      });
      const reason = await Promise.race([untilSignal().then(() => null), exited]);
      if (reason) {
        say(reason);
        return 1;
      }
      say("stopping…");
      return 0;
    } finally {
      await Promise.all(children.map((child) => stopChild(child)));
      await database.release();
      if (database.embedded) say("stopped");
    }
  },
};
