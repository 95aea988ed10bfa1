import { stat } from "node:fs/promises";
import { SdkError, type CheckResult, type ConnectorContext } from "../sdk";
import { hostPort, type CertificatesConfig } from "./config";
import { policyFor } from "./streams/endpoints";

/*
 * "Test connection" without scanning: every target must resolve to addresses the network
 * policy allows, and every path must exist. A full handshake per target would make the setup
 * page as slow as a sync.
 */

const describe = (error: unknown) =>
  error instanceof SdkError ? error.message : ((error as { code?: string })?.code ?? "error");

export async function checkCertificates(ctx: ConnectorContext<CertificatesConfig>): Promise<CheckResult> {
  const { targets, paths } = ctx.config;
  if (targets.length === 0 && paths.length === 0) return { ok: false, detail: "configure at least one target or path" };
  const policy = policyFor(ctx.config);
  const problems: string[] = [];
  for (const target of targets) {
    await policy
      .resolve(target.host)
      .catch((error: unknown) => problems.push(`${hostPort(target.host, target.port)}: ${describe(error)}`));
  }
  for (const path of paths) {
    await stat(path).catch((error: unknown) => problems.push(`${path}: ${describe(error)}`));
  }
  if (problems.length > 0) return { ok: false, detail: problems.join("; ") };
  return { ok: true, detail: `${targets.length} target(s) resolve and are allowed; ${paths.length} path(s) exist` };
}
