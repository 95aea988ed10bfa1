import type { z } from "zod";
import { ResponseError } from "./http-errors";

/**
 * Reads a body but stops at `maxBytes`: a hostile or broken endpoint must not be able to make
 * a worker buffer gigabytes. Content-Length is checked first to fail before reading at all.
 */
export async function readLimitedText(response: Response, url: string | URL, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new ResponseError("response_too_large", url, `body of ${declared} bytes exceeds ${maxBytes}`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ResponseError("response_too_large", url, `body exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Parses JSON and, when given, validates it with `schema`. Error messages carry paths and
 * zod's generic wording only — never body text, which may contain secrets.
 */
export function parseJsonBody<T>(text: string, url: string | URL, schema?: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ResponseError("invalid_json", url, "body is not valid JSON");
  }
  if (!schema) return data as T;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
  throw new ResponseError("invalid_response", url, `${where}: ${issue?.message ?? "unexpected shape"}`);
}
