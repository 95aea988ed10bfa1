import { getEnv } from "@/lib/env";
import { parseOptions, type Command } from "@/cli/commands";
import { ensureProductionBuild } from "@/cli/next-server";

export const buildCommand: Command = {
  summary: "build the web app if the sources changed since the last build",
  usage: "build",
  async run(args) {
    parseOptions(args, {});
    await ensureProductionBuild(getEnv().homeDir, (line) => console.log(line));
    return 0;
  },
};
