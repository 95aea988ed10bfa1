import type { CheckResult, ConnectorContext } from "../sdk";
import { callGoogle } from "./client/google-errors";
import { googleSessionOf } from "./client/google-session";
import type { GcpConfig } from "./config";

/**
 * "Test connection": obtains a token and lists one service account of the first project — the
 * cheapest call that proves both the credentials and a read permission. Errors are reported by
 * their redacted message; Google's own message is never shown (it may echo request data).
 */
export async function checkGcp(ctx: Pick<ConnectorContext<GcpConfig>, "config" | "signal">): Promise<CheckResult> {
  const [projectId] = ctx.config.projectIds;
  try {
    const { iam } = googleSessionOf(ctx);
    await callGoogle(() => iam.projects.serviceAccounts.list({ name: `projects/${projectId}`, pageSize: 1 }));
    const principal = ctx.config.serviceAccountKey?.client_email ?? "the access token";
    return { ok: true, detail: `${principal} can list the service accounts of ${projectId}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : "unknown error" };
  }
}
