import { defineStream } from "../../sdk";
import { callGoogle } from "../client/google-errors";
import { googleSessionOf } from "../client/google-session";
import { gcpConfigSchema, type GcpConfig } from "../config";
import { PROJECT_TYPE } from "../external-types";
import { iamPolicyItemSchema, type IamPolicyItem } from "../schemas";
import { projectIamRecords } from "../transform/project-iam-records";
import { liveContext } from "./live-context";

/**
 * Policy version 3 is requested because only v3 answers show conditional bindings as they are;
 * older versions rename their roles (`…_withcond_…`).
 */
export const REQUESTED_POLICY_VERSION = 3;

/** The project and the roles its IAM policy grants to service accounts (projects.getIamPolicy). */
export const projectIamStream = defineStream<GcpConfig, IamPolicyItem>({
  name: "project-iam",
  externalTypes: [PROJECT_TYPE],
  item: iamPolicyItemSchema,
  config: gcpConfigSchema,
  async list({ scope, ctx }) {
    const { resourceManager } = googleSessionOf(ctx);
    const { data } = await callGoogle(() =>
      resourceManager.projects.getIamPolicy({
        resource: `projects/${scope.id}`,
        requestBody: { options: { requestedPolicyVersion: REQUESTED_POLICY_VERSION } },
      }),
    );
    return { items: [{ ...data, keyward: liveContext(ctx.config, scope.id) }] };
  },
  transform: (policy) => projectIamRecords(policy),
});
