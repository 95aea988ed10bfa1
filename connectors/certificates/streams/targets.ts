import { defineStream } from "../../sdk";
import { certificatesConfigSchema, hostPort, targetId, type CertificatesConfig } from "../config";
import { ENDPOINT_TYPE } from "../external-types";
import { targetItemSchema, type TargetItem } from "../schemas";

/*
 * The configured endpoints, each a resource. They are their own stream — the parent of
 * `endpoints` — so that each target is scanned as its own unit: one target that times out is a
 * coverage gap for that target while the others load, and the endpoint itself stays in the
 * inventory next to the gap.
 */
export const targetsStream = defineStream<CertificatesConfig, TargetItem>({
  name: "targets",
  externalTypes: [ENDPOINT_TYPE],
  item: targetItemSchema,
  config: certificatesConfigSchema,
  parentKey: (target) => ({ id: targetId(target), name: hostPort(target.host, target.port) }),
  // No I/O: the list is the config. Scanning happens per target in `endpoints`.
  list: async ({ ctx }) => ({ items: ctx.config.targets.map((t) => ({ ...t })) }),
  transform: (target) => [
    {
      kind: "resource",
      externalType: ENDPOINT_TYPE,
      externalId: targetId(target),
      name: targetId(target),
      type: "other",
      attributes: {
        kind: "tls_endpoint",
        host: target.host,
        port: target.port,
        ...(target.servername ? { servername: target.servername } : {}),
      },
    },
  ],
});
