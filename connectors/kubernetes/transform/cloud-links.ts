import type { ExternalRef } from "../../sdk";
import { AWS_ROLE_TYPE, GCP_SERVICE_ACCOUNT_TYPE } from "../external-types";

/*
 * Workload identity: an annotation on a service account lets its pods act as a cloud identity.
 * - EKS IRSA: `eks.amazonaws.com/role-arn: arn:aws:iam::<account>:role[/path]/<name>`; the AWS
 *   connector keys roles by the ARN WITHOUT the IAM path (see connectors/aws/external-types.ts).
 * - GKE Workload Identity: `iam.gke.io/gcp-service-account: <name>@<project>.iam.gserviceaccount.com`;
 *   the GCP connector keys service accounts by the lowercased e-mail.
 * The link is a `can_assume` edge from the Kubernetes account to the cloud identity.
 */

export const IRSA_ANNOTATION = "eks.amazonaws.com/role-arn";
export const GKE_ANNOTATION = "iam.gke.io/gcp-service-account";

/** `arn:<partition>:iam::<12 digits>:role/<path/>name`. */
const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CloudLink {
  readonly mechanism: "eks-irsa" | "gke-workload-identity";
  readonly to: ExternalRef;
  readonly attributes: Record<string, string>;
}

export function cloudLinksOf(annotations: Readonly<Record<string, string>>): CloudLink[] {
  const links: CloudLink[] = [];
  const roleArn = ROLE_ARN.exec(annotations[IRSA_ANNOTATION]?.trim() ?? "");
  if (roleArn) {
    const [, partition, accountId, name] = roleArn as unknown as [string, string, string, string];
    links.push({
      mechanism: "eks-irsa",
      to: { externalType: AWS_ROLE_TYPE, externalId: `arn:${partition}:iam::${accountId}:role/${name}` },
      attributes: { mechanism: "eks-irsa", annotation: IRSA_ANNOTATION, accountId },
    });
  }
  const email = annotations[GKE_ANNOTATION]?.trim().toLowerCase();
  if (email && EMAIL.test(email)) {
    links.push({
      mechanism: "gke-workload-identity",
      to: { externalType: GCP_SERVICE_ACCOUNT_TYPE, externalId: email },
      attributes: { mechanism: "gke-workload-identity", annotation: GKE_ANNOTATION },
    });
  }
  return links;
}
