import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { AwsSession } from "../client/aws-session";
import { callAws } from "../client/aws-errors";
import { allMarkerPages } from "./live-context";

/*
 * The policies of a user or role: attached managed policies (customer-managed documents read once
 * per sync: their default version) and inline policies with their documents. AWS-managed documents
 * are not fetched: they are graded by name (transform/privilege-level.ts).
 */

type Principal = { kind: "user"; name: string } | { kind: "role"; name: string };

async function attachedPolicies(iam: IAMClient, principal: Principal, signal: AbortSignal) {
  return allMarkerPages(async (Marker) => {
    const answer =
      principal.kind === "user"
        ? await callAws("iam:ListAttachedUserPolicies", () => iam.send(new ListAttachedUserPoliciesCommand({ UserName: principal.name, Marker }), { abortSignal: signal }))
        : await callAws("iam:ListAttachedRolePolicies", () => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: principal.name, Marker }), { abortSignal: signal }));
    return { ...answer, items: answer.AttachedPolicies };
  });
}

async function inlinePolicies(iam: IAMClient, principal: Principal, signal: AbortSignal) {
  const names = await allMarkerPages(async (Marker) => {
    const answer =
      principal.kind === "user"
        ? await callAws("iam:ListUserPolicies", () => iam.send(new ListUserPoliciesCommand({ UserName: principal.name, Marker }), { abortSignal: signal }))
        : await callAws("iam:ListRolePolicies", () => iam.send(new ListRolePoliciesCommand({ RoleName: principal.name, Marker }), { abortSignal: signal }));
    return { ...answer, items: answer.PolicyNames };
  });
  const inline = [];
  for (const PolicyName of names) {
    const answer =
      principal.kind === "user"
        ? await callAws("iam:GetUserPolicy", () => iam.send(new GetUserPolicyCommand({ UserName: principal.name, PolicyName }), { abortSignal: signal }))
        : await callAws("iam:GetRolePolicy", () => iam.send(new GetRolePolicyCommand({ RoleName: principal.name, PolicyName }), { abortSignal: signal }));
    inline.push({ PolicyName, PolicyDocument: answer.PolicyDocument });
  }
  return inline;
}

/** The default version's document of a customer-managed policy (URL-encoded, as IAM answers it). */
function customerPolicyDocument(session: AwsSession, iam: IAMClient, arn: string): Promise<string | undefined> {
  return session.memo(`policy\0${arn}`, async () => {
    const policy = await callAws("iam:GetPolicy", () => iam.send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal: session.signal }));
    const VersionId = policy.Policy?.DefaultVersionId;
    if (!VersionId) return undefined;
    const version = await callAws("iam:GetPolicyVersion", () =>
      iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId }), { abortSignal: session.signal }),
    );
    return version.PolicyVersion?.Document;
  });
}

export async function readPolicies(session: AwsSession, iam: IAMClient, principal: Principal) {
  const attached = await attachedPolicies(iam, principal, session.signal);
  const withDocuments = [];
  for (const policy of attached) {
    if (!policy.PolicyArn || !policy.PolicyName) continue;
    const customer = !policy.PolicyArn.includes(":iam::aws:policy/");
    const Document = customer ? await customerPolicyDocument(session, iam, policy.PolicyArn) : undefined;
    withDocuments.push({ PolicyName: policy.PolicyName, PolicyArn: policy.PolicyArn, ...(Document ? { Document } : {}) });
  }
  return { attached: withDocuments, inline: await inlinePolicies(iam, principal, session.signal) };
}
