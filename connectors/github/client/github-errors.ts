import { HttpError, SdkError } from "../../sdk";

/*
 * Octokit throws `RequestError`s, which the runner's `coverageReasonOf` cannot read. An answer
 * becomes a `GitHubApiError` (an `HttpError`, so 401/403 is classified `permission_denied`) carrying
 * GitHub's short message ("Resource not accessible by integration", "Not Found"), which names the
 * problem and never echoes request data. A rate limit the throttling plugin gave up waiting for is
 * not a denial: it becomes a `GitHubRateLimitError` (reason `error`). A request that never got an
 * answer gives back the guarded client's own typed error (timeout, blocked address, network).
 */

/** Longest GitHub message kept in an error. */
const MAX_MESSAGE_CHARS = 120;

/** A GitHub answer that is not a success. */
export class GitHubApiError extends HttpError {
  readonly githubMessage: string | undefined;

  constructor(status: number, method: string, url: string, githubMessage: string | undefined) {
    super(status, method, url);
    this.githubMessage = githubMessage?.slice(0, MAX_MESSAGE_CHARS);
    if (this.githubMessage) this.message = `${this.message} (${this.githubMessage})`;
  }
}

/** GitHub still refused after the throttling plugin's waits (or the wait was too long to take). */
export class GitHubRateLimitError extends SdkError {
  constructor(method: string, url: string, status: number) {
    super(
      "rate_limited",
      `${method} ${new HttpError(status, method, url).url} is rate limited (HTTP ${status}); try again later`,
    );
  }
}

function messageOf(data: unknown): string | undefined {
  const message = (data as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

/** True for GitHub's primary (`x-ratelimit-remaining: 0`) and secondary rate-limit answers. */
export function isRateLimited(
  status: number,
  headers: Record<string, string | number | undefined>,
  message: string | undefined,
): boolean {
  if (status !== 403 && status !== 429) return false;
  return status === 429 || String(headers["x-ratelimit-remaining"]) === "0" || /rate limit/i.test(message ?? "");
}

/** The parts of Octokit's `RequestError` read here (it is not imported: a transitive package). */
interface OctokitRequestError {
  readonly status: number;
  readonly request: { readonly method: string; readonly url: string };
  readonly response?: { readonly data: unknown; readonly headers: Record<string, string | number | undefined> };
  readonly cause?: unknown;
}

function isOctokitRequestError(error: unknown): error is OctokitRequestError {
  const candidate = error as Partial<OctokitRequestError> | null;
  return error instanceof Error && typeof candidate?.status === "number" && typeof candidate.request?.url === "string";
}

export function toConnectorError(error: unknown): unknown {
  if (error instanceof SdkError || !isOctokitRequestError(error)) return error;
  const { method, url } = error.request;
  const response = error.response;
  if (!response) {
    if (error.cause instanceof SdkError) return error.cause;
    return new SdkError("github_request_failed", `${method} ${new HttpError(0, method, url).url} failed without an answer`);
  }
  const message = messageOf(response.data);
  if (isRateLimited(error.status, response.headers, message)) return new GitHubRateLimitError(method, url, error.status);
  return new GitHubApiError(error.status, method, url, message);
}

/** Runs one Octokit call, rethrowing its failure as an error the runner can classify. */
export async function callGitHub<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toConnectorError(error);
  }
}
