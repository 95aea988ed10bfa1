/*
 * ARNs: `arn:<partition>:<service>:<region>:<account>:<resource>`. The resource part of IAM ARNs is
 * `<kind>/<path…>/<name>`; only the last segment names the entity.
 */

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  /** Everything after the account, e.g. `user/division/bob`, `secret:prod/db-AbCdEf`. */
  readonly resource: string;
}

const ARN = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/;

export function parseArn(value: string): Arn | undefined {
  const match = ARN.exec(value);
  if (!match) return undefined;
  const [, partition = "", service = "", region = "", accountId = "", resource = ""] = match;
  return { partition, service, region, accountId, resource };
}

/** `user/division/bob` → { kind: "user", name: "bob", path: "/division/" }. */
export function iamResourceOf(arn: Arn): { kind: string; name: string; path: string } {
  const segments = arn.resource.split("/");
  const kind = segments[0] ?? "";
  const name = segments.at(-1) ?? "";
  const middle = segments.slice(1, -1);
  return { kind, name, path: middle.length > 0 ? `/${middle.join("/")}/` : "/" };
}
