import type { StateV4 } from "../schemas";
import { text } from "./attributes";

/**
 * What other resources of the same state tell about a credential's holder. A credential resource
 * names its holder the way the provider API does (an IAM user NAME, an application OBJECT id),
 * while the aws and azure connectors key those nodes by ARN and by client id: the holder's own
 * resource in the state, when present, bridges the two.
 */
export interface StateIndex {
  /** IAM user name → ARN without the IAM path (`arn:aws:iam::<account>:user/<name>`, the aws connector's key). */
  readonly awsUserArns: ReadonlyMap<string, string>;
  /** Application object id → application (client) id. */
  readonly azureAppIds: ReadonlyMap<string, string>;
}

/* Data sources (`data.aws_iam_user`, `data.azuread_application`) count too: they name existing holders. */
const IAM_USER_ARN = /^arn:([a-z-]+):iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/;

export function indexState(state: StateV4): StateIndex {
  const awsUserArns = new Map<string, string>();
  const azureAppIds = new Map<string, string>();
  for (const resource of state.resources) {
    for (const { attributes } of resource.instances) {
      if (resource.type === "aws_iam_user") {
        const match = IAM_USER_ARN.exec(text(attributes, "arn") ?? "");
        if (match) awsUserArns.set(match[3]!, `arn:${match[1]}:iam::${match[2]}:user/${match[3]}`);
      }
      if (resource.type === "azuread_application") {
        const objectId = text(attributes, "object_id");
        // azuread v3 calls the client id `client_id`; v2 called it `application_id`.
        const appId = text(attributes, "client_id") ?? text(attributes, "application_id");
        if (objectId && appId) azureAppIds.set(objectId, appId);
      }
    }
  }
  return { awsUserArns, azureAppIds };
}
