import { z } from "zod";
import { HttpError } from "../../sdk";

/** Graph's error envelope: `{ "error": { "code": "Authorization_RequestDenied", "message": … } }`. */
export const graphErrorBodySchema = z.object({ error: z.object({ code: z.string() }) });

/**
 * A Graph answer that is not a success, with Graph's error code. It is an `HttpError`, so the
 * SDK's `coverageReasonOf` classifies 401/403 (`Authorization_RequestDenied`) as
 * `permission_denied`. Graph's message is left out: some messages echo request data.
 */
export class GraphRequestError extends HttpError {
  readonly graphCode: string | undefined;

  constructor(status: number, method: string, url: string | URL, graphCode: string | undefined) {
    super(status, method, url);
    this.graphCode = graphCode;
    if (graphCode) this.message = `${this.message} (${graphCode})`;
  }
}
