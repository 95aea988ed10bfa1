import { gaxios } from "google-auth-library";
import { z } from "zod";
import { HttpError, redactUrl, SdkError } from "../../sdk";

/*
 * Google's SDKs throw `GaxiosError`s, which the runner's `coverageReasonOf` cannot read. They are
 * turned into what it can: an answer becomes an `HttpError` (so 401/403 PERMISSION_DENIED is
 * classified `permission_denied`), and a request that never got an answer gives back the guarded
 * client's own typed error (timeout, blocked address, network). Google's message is left out:
 * some messages echo request data, and the error's config holds the Authorization header.
 */

/** API errors: `{ error: { code, message, status: "PERMISSION_DENIED" } }`; OAuth errors: `{ error: "invalid_grant" }`. */
const googleErrorBodySchema = z.object({
  error: z.union([z.object({ status: z.string() }).transform((e) => e.status), z.string()]),
});

/** A Google answer that is not a success, with Google's status code (PERMISSION_DENIED, RESOURCE_EXHAUSTED…). */
export class GoogleApiError extends HttpError {
  readonly googleStatus: string | undefined;

  constructor(status: number, method: string, url: string | URL, googleStatus: string | undefined) {
    super(status, method, url);
    this.googleStatus = googleStatus;
    if (googleStatus) this.message = `${this.message} (${googleStatus})`;
  }
}

export function toConnectorError(error: unknown): unknown {
  if (!(error instanceof gaxios.GaxiosError)) return error;
  const url = error.config.url ?? "";
  const method = (error.config.method ?? "GET").toUpperCase();
  if (error.response) {
    const body = googleErrorBodySchema.safeParse(error.response.data);
    return new GoogleApiError(error.response.status, method, url, body.success ? body.data.error : undefined);
  }
  if (error.cause instanceof SdkError) return error.cause;
  return new SdkError("google_request_failed", `${method} ${redactUrl(url)} failed without an answer`);
}

/** Runs one SDK call, rethrowing its failure as an error the runner can classify. */
export async function callGoogle<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toConnectorError(error);
  }
}
