import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import * as React from "react";
import { getEnv } from "@/lib/env";
import type { ComplianceReport } from "@/lib/reports/compliance-types";

/**
 * react-pdf drives its own React reconciler, which needs React's client build. Processes started
 * with the `react-server` condition (the CLI, the scripts, Next's server layer) resolve `react` to
 * the server build for every import, so there the PDF is rendered by a short-lived child process
 * without that condition (lib/reports/pdf-child.ts): the report goes in as JSON on stdin, the PDF
 * comes back on stdout. Elsewhere (tests, plain node) it renders in process.
 */
const HAS_CLIENT_REACT = "__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE" in React;

/** A report of a million credentials renders in seconds; anything far beyond that is stuck. */
const CHILD_TIMEOUT_MS = 5 * 60_000;

export async function renderReportPdf(report: ComplianceReport): Promise<Buffer> {
  if (HAS_CLIENT_REACT) {
    const { renderComplianceReportPdf } = await import("@/lib/reports/compliance-pdf");
    return renderComplianceReportPdf(report);
  }
  return renderInChild(report);
}

function renderInChild(report: ComplianceReport): Promise<Buffer> {
  const home = getEnv().homeDir;
  // turbopackIgnore: runtime paths of the installation, not files to bundle.
  const entry = path.join(/*turbopackIgnore: true*/ home, "lib/reports/pdf-child.ts");
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: home,
    // Only what the renderer needs: no credentials or database settings reach the child.
    env: { TSX_TSCONFIG_PATH: path.join(/*turbopackIgnore: true*/ home, "tsconfig.json"), NODE_ENV: "production" },
    stdio: ["pipe", "pipe", "pipe"],
    timeout: CHILD_TIMEOUT_MS,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  child.stdin.end(JSON.stringify(report));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`PDF renderer exited with ${signal ?? code}: ${Buffer.concat(err).toString("utf8").trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}
