import { ConfigError } from "@/lib/env";
import { commands, printUsage, UsageError } from "@/cli/commands";

/**
 * `keyward <command> [options]`. Thin: parses arguments and calls into lib/. Problems the user can
 * fix are printed as one line with a non-zero exit; only real bugs show a stack trace.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    printUsage(process.stdout);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`keyward: ${error.message}`);
      printUsage(process.stderr);
      process.exitCode = 2;
    } else if (error instanceof ConfigError || (error as { code?: string })?.code) {
      console.error(`keyward: ${(error as Error).message}`);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
