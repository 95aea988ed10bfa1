import { z } from "zod";
import { defineStream } from "../../sdk";
import { azureConfigSchema, type AzureConfig } from "../config";
import { TENANT_TYPE } from "../external-types";
import { graphSessionOf } from "../graph/graph-session";
import { organizationSchema, type Organization } from "../schemas";
import { tenantRecords } from "../transform/tenant-records";
import { liveContext } from "./live-context";

/** The tenant (GET /organization/{tenantId}): the resource every identity is a member of. */
export const tenantStream = defineStream<AzureConfig, Organization>({
  name: "tenant",
  externalTypes: [TENANT_TYPE],
  item: organizationSchema,
  config: azureConfigSchema,
  async list({ ctx }) {
    const graph = graphSessionOf(ctx);
    const url = graph.url(`organization/${ctx.config.tenantId}`, { $select: "id,displayName,verifiedDomains,createdDateTime" });
    const organization = await graph.get(url, z.record(z.string(), z.unknown()));
    return { items: [{ ...organization, keyward: liveContext(ctx.config) }] };
  },
  transform: (organization) => tenantRecords(organization),
});
