import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import * as React from "react";
import { getEnv } from "@/lib/env";
import type { CampaignEvidenceDto } from "@/lib/campaigns/campaign-types";
import type { EvidenceFileHash } from "@/components/campaigns/evidence-pdf";

/**
 * react-pdf drives its own React reconciler, which needs React's client build. The server runs with
 * the `react-server` condition (bin/keyward.mjs), where `react` is the server build, so there the PDF
 * is rendered by a short-lived child process without it (components/campaigns/evidence-pdf-child.ts):
 * the evidence goes in as JSON on stdin, the PDF comes back on stdout. Elsewhere it renders in process.
 * The same approach as lib/reports/render-pdf.ts.
 */
const HAS_CLIENT_REACT = "__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE" in React;

const CHILD_TIMEOUT_MS = 5 * 60_000;

export async function renderCampaignEvidencePdf(evidence: CampaignEvidenceDto, files: EvidenceFileHash[]): Promise<Buffer> {
  if (HAS_CLIENT_REACT) {
    const { renderEvidencePdf } = await import("@/components/campaigns/evidence-pdf");
    return renderEvidencePdf(evidence, files);
  }
  const home = getEnv().homeDir;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(home, "components/campaigns/evidence-pdf-child.ts")], {
    cwd: home,
    // Nothing of the server's environment (secrets included) reaches the child; node is found by its absolute path.
    env: { TSX_TSCONFIG_PATH: path.join(home, "tsconfig.json"), NODE_ENV: "production" },
    stdio: ["pipe", "pipe", "pipe"],
    timeout: CHILD_TIMEOUT_MS,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  child.stdin.end(JSON.stringify({ evidence, files }));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`evidence PDF renderer exited with ${signal ?? code}: ${Buffer.concat(err).toString("utf8").trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}
