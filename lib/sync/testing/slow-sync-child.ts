/*
 * A sync that runs slowly, for the "killed mid-sync" test: it is spawned as its own process
 * (node --conditions=react-server --import tsx), reports progress on stdout as JSON lines and is
 * killed with SIGKILL while its unit is still being staged.
 *   argv: <connection string> <source id> <number of keys>
 */
import { executeRun } from "@/lib/sync/execute-run";
import { hasKey, key, keysStream, TEST_FINGERPRINT_KEY, unitOf } from "@/lib/sync/testing/toy-connector";

const [url, sourceId, count] = process.argv.slice(2);
const n = Number(count);
const PAGE = 10;

async function* slowPages(): AsyncGenerator<unknown[]> {
  for (let start = 0; start < n; start += PAGE) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    const page: unknown[] = [];
    for (let i = start; i < Math.min(n, start + PAGE); i++) page.push([key(`s${i}`, "owner-bot", { status: "inactive" }), hasKey("owner-bot", `s${i}`)]);
    yield page;
  }
}

await executeRun(
  {
    connectionString: url!,
    sourceId: sourceId!,
    mode: "live",
    actor: { type: "system", label: "system" },
    fingerprintKey: TEST_FINGERPRINT_KEY,
    auditKey: Buffer.alloc(32, 7),
    sweep: true,
    onProgress: (progress) => process.stdout.write(`${JSON.stringify(progress)}\n`),
  },
  [{ ...unitOf(keysStream, []), pages: slowPages() }],
);
process.stdout.write("finished\n");
