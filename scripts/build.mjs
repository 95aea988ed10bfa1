// `npm run build`: the production build, skipped when the sources have not changed since the last one.
import { spawnSync } from "node:child_process";
const result = spawnSync(process.execPath, ["bin/keyward.mjs", "build"], { stdio: "inherit" });
process.exit(result.status ?? 1);
