import { HttpError, SdkError } from "../../sdk";

/*
 * An answer that is not a success becomes a `GitlabApiError` (an `HttpError`, so 401/403 is
 * classified `permission_denied` by the runner) carrying GitLab's short `message`/`error`
 * ("403 Forbidden"), which names the problem and never echoes request data. A rate limit still
 * in force after the allowed waits is not a denial: it becomes a `GitlabRateLimitError` (reason
 * `error`).
 */

/** Longest GitLab message kept in an error. */
const MAX_MESSAGE_CHARS = 120;

export class GitlabApiError extends HttpError {
  readonly gitlabMessage: string | undefined;

  constructor(status: number, method: string, url: string, gitlabMessage: string | undefined) {
    super(status, method, url);
    this.gitlabMessage = gitlabMessage?.slice(0, MAX_MESSAGE_CHARS);
    if (this.gitlabMessage) this.message = `${this.message} (${this.gitlabMessage})`;
  }
}

export class GitlabRateLimitError extends SdkError {
  constructor(method: string, url: string, status: number) {
    super(
      "rate_limited",
      `${method} ${new HttpError(status, method, url).url} is rate limited (HTTP ${status}); try again later`,
    );
  }
}

/** GitLab's error body: `{ "message": "403 Forbidden" }`, `{ "error": "insufficient_scope", … }`, or a message object. */
export function messageOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: unknown } | null;
    const message = parsed?.message ?? parsed?.error;
    if (typeof message === "string") return message;
    return message === undefined ? undefined : JSON.stringify(message);
  } catch {
    return undefined;
  }
}
