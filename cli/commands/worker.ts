import { startWorker } from "@/lib/jobs/worker";
import { parseOptions, type Command } from "@/cli/commands";
import { withDatabase } from "@/cli/with-database";
import { untilSignal } from "@/cli/signals";

export const workerCommand: Command = {
  summary: "run scheduled and queued jobs (syncs, reminders)",
  usage: "worker",
  async run(args) {
    parseOptions(args, {});
    return withDatabase(async ({ url }) => {
      const worker = await startWorker(url);
      console.log("keyward worker: running (Ctrl-C to stop)");
      await untilSignal();
      await worker.stop();
      return 0;
    });
  },
};
