import { runMigrations } from "@/lib/migrate/run-migrations";
import { parseOptions, type Command } from "@/cli/commands";
import { withDatabase } from "@/cli/with-database";

export const migrateCommand: Command = {
  summary: "apply database migrations",
  usage: "migrate",
  async run(args) {
    parseOptions(args, {});
    return withDatabase(async ({ url }) => {
      const result = await runMigrations(url, { log: (line) => console.log(line) });
      for (const name of result.modified) console.warn(`warning: migration ${name} was changed after it was applied`);
      console.log(result.applied.length ? `${result.applied.length} migration(s) applied` : "database is up to date");
      return 0;
    });
  },
};
