import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { git, type TestRepository } from "./test-repository";

/**
 * Serves a bare copy of the test repository over git's "dumb" HTTP protocol (static files after
 * `git update-server-info`) on 127.0.0.1, so the clone-URL path runs against a real server.
 */
export interface DumbHttpServer {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

export async function serveOverDumbHttp(repo: TestRepository): Promise<DumbHttpServer> {
  const bare = join(repo.dir, "served.git");
  git(repo.dir, ["clone", "-q", "--mirror", repo.dir, bare]);
  git(bare, ["update-server-info"]);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]!)).replace(/^(\.\.[/\\])+/, "");
    requests.push(path);
    const file = join(bare, path.replace(/^\/served\.git/, ""));
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-length": stat.size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/served.git`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
