import type { KeywardRecordInput } from "../../sdk";
import { projectRef, SERVICE_ACCOUNT_TYPE, serviceAccountRef } from "../external-types";
import { SERVICE_ACCOUNT_NAME, type ServiceAccountItem } from "../schemas";
import { accountFactsOf } from "./account-kind";
import { compact } from "./compact";
import { ownerHintOf } from "./owner-hint";

/** Which Google-created default account an address is, for the `defaultAccount` attribute. */
const DEFAULT_ACCOUNT = { default_compute: "compute_engine", default_app_engine: "app_engine" } as const;

/**
 * A service account as an identity that is a `member_of` its project. The project comes from the
 * item itself (its `projectId`, else its resource name), never from the scope: offline imports
 * load every file under one scope.
 */
export function serviceAccountRecords(account: ServiceAccountItem): KeywardRecordInput[] {
  const email = account.email.toLowerCase();
  const projectId = account.projectId ?? SERVICE_ACCOUNT_NAME.exec(account.name)?.[1];
  const facts = accountFactsOf(email);
  const ownerHint = ownerHintOf(account.description);
  const disabled = account.disabled === true;
  const environment = account.keyward.environment;
  const identity: KeywardRecordInput = {
    kind: "identity",
    externalType: SERVICE_ACCOUNT_TYPE,
    externalId: email,
    name: email,
    type: "service_account",
    status: disabled ? "inactive" : "active",
    ...(environment ? { environment } : {}),
    // A service account cannot sign in to the console: it is machine-to-machine by construction.
    isHuman: false,
    interactive: false,
    ...(ownerHint ? { ownerHint } : {}),
    attributes: compact({
      accountId: projectId,
      projectId,
      uniqueId: account.uniqueId,
      displayName: account.displayName,
      description: account.description,
      oauth2ClientId: account.oauth2ClientId,
      disabled,
      accountKind: facts.kind,
      defaultAccount: facts.kind in DEFAULT_ACCOUNT ? DEFAULT_ACCOUNT[facts.kind as keyof typeof DEFAULT_ACCOUNT] : undefined,
      projectNumber: facts.projectNumber,
    }),
  };
  if (!projectId) return [identity];
  return [identity, { kind: "edge", type: "member_of", from: serviceAccountRef(email), to: projectRef(projectId) }];
}
