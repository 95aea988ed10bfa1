import { HttpError } from "../../sdk";

/*
 * AWS answers "you may not" with codes, not always with a 403: the query protocol (IAM, STS) says
 * `AccessDenied` in a 403, JSON services (Secrets Manager, ACM) `AccessDeniedException` in a 400.
 * The SDK names its error after the code; listings rethrow such errors as `AwsAccessDeniedError`, an
 * `HttpError` with status 403 whose name contains "AccessDenied", so the runner's
 * `coverageReasonOf` records `permission_denied` for that (scope, stream) and nothing else.
 * AWS's message is left out: it names the caller's ARN and the resource, which belong in logs
 * of the account, not in Keyward's coverage table.
 */

const DENIED_CODES = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedAccess",
  "AuthorizationError",
  "NotAuthorized",
]);

export class AwsAccessDeniedError extends HttpError {
  readonly awsCode: string;
  readonly operation: string;

  constructor(operation: string, awsCode: string, status: number) {
    // The service's public endpoint stands for the URL: the real one may be a private override.
    super(403, "POST", `https://${operation.split(":")[0]}.amazonaws.com/`);
    this.awsCode = awsCode;
    this.operation = operation;
    this.message = `${operation} was denied (${awsCode}, HTTP ${status})`;
  }
}

interface AwsServiceError {
  name?: unknown;
  $metadata?: { httpStatusCode?: number };
}

export function isAccessDenied(error: unknown): boolean {
  const name = (error as AwsServiceError | null)?.name;
  return typeof name === "string" && DENIED_CODES.has(name);
}

/** Runs one AWS call (`operation` as IAM names it, e.g. `iam:ListRoles`), turning an access denial into `AwsAccessDeniedError` and rethrowing the rest. */
export async function callAws<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isAccessDenied(error)) throw error;
    const { name, $metadata } = error as AwsServiceError;
    throw new AwsAccessDeniedError(operation, String(name), $metadata?.httpStatusCode ?? 403);
  }
}
