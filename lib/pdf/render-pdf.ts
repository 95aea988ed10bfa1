import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import * as React from "react";
import { getEnv } from "@/lib/env";
import { renderPdfInProcess, type PdfInputs, type PdfKind } from "@/lib/pdf/pdf-documents";

export type { PdfInputs, PdfKind } from "@/lib/pdf/pdf-documents";

/**
 * react-pdf drives its own React reconciler, which needs React's client build. Processes started
 * with the `react-server` condition (the CLI, the scripts, Next's server layer) resolve `react` to
 * the server build for every import, so there a PDF is rendered by a short-lived child process
 * without that condition (lib/pdf/child-main.ts): { kind, data } goes in as JSON on stdin, the PDF
 * comes back on stdout. Elsewhere (tests, plain node) it renders in process.
 */
const HAS_CLIENT_REACT = "__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE" in React;

/** A summary of a million credentials renders in seconds; anything far beyond that is stuck. */
export const CHILD_TIMEOUT_MS = 5 * 60_000;

/** Renders a registered document (lib/pdf/pdf-documents.ts) as PDF bytes, in the process that can. */
export async function renderPdf<K extends PdfKind>(kind: K, data: PdfInputs[K]): Promise<Buffer> {
  return HAS_CLIENT_REACT ? renderPdfInProcess(kind, data) : renderPdfInChild(kind, data);
}

export type ChildOptions = {
  /** The installation folder holding lib/pdf/child-main.ts and tsconfig.json; default KEYWARD_HOME. */
  homeDir?: string;
  /** Kill the child after this long; default CHILD_TIMEOUT_MS. */
  timeoutMs?: number;
};

/** Renders in a child process without the `react-server` condition (exported for its tests). */
export function renderPdfInChild<K extends PdfKind>(kind: K, data: PdfInputs[K], options: ChildOptions = {}): Promise<Buffer> {
  const home = options.homeDir ?? getEnv().homeDir;
  // turbopackIgnore: runtime paths of the installation, not files to bundle.
  const entry = path.join(/*turbopackIgnore: true*/ home, "lib/pdf/child-main.ts");
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: home,
    // Only what the renderer needs: no credentials or database settings reach the child.
    env: { TSX_TSCONFIG_PATH: path.join(/*turbopackIgnore: true*/ home, "tsconfig.json"), NODE_ENV: "production" },
    stdio: ["pipe", "pipe", "pipe"],
    timeout: options.timeoutMs ?? CHILD_TIMEOUT_MS,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  // A child that died early closes stdin; its exit status tells why, not the broken pipe.
  child.stdin.on("error", () => undefined);
  child.stdin.end(JSON.stringify({ kind, data }));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${kind} PDF renderer exited with ${signal ?? code}: ${Buffer.concat(err).toString("utf8").trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}
