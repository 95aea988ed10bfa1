import { defineStream } from "../../sdk";
import { azureConfigSchema, type AzureConfig } from "../config";
import { APPLICATION_TYPE, KEY_CREDENTIAL_TYPE, PASSWORD_CREDENTIAL_TYPE } from "../external-types";
import { graphSessionOf } from "../graph/graph-session";
import { applicationItemSchema, type ApplicationItem } from "../schemas";
import { applicationItemRecords } from "../transform/application-records";
import { liveContext, mapInBatches, objectIdOf } from "./live-context";

/** Properties the transform reads; selecting them keeps pages small. */
export const APPLICATION_SELECT = [
  "id",
  "appId",
  "displayName",
  "createdDateTime",
  "description",
  "notes",
  "tags",
  "signInAudience",
  "publisherDomain",
  "serviceManagementReference",
  "disabledByMicrosoftStatus",
  "passwordCredentials",
  "keyCredentials",
].join(",");

/** Owner listings sent at once per page: fast enough, and far below Graph's per-app throttling limits. */
export const OWNER_LOOKUPS_IN_FLIGHT = 4;

/**
 * App registrations (GET /applications, paged by @odata.nextLink) with their owners
 * (GET /applications/{id}/owners, every page) — the same shape as `$expand=owners`, so one
 * transform sets the owner hint live and offline. A failed owners call fails the page: an
 * application listed without its owners would look unowned.
 */
export const applicationsStream = defineStream<AzureConfig, ApplicationItem>({
  name: "applications",
  externalTypes: [APPLICATION_TYPE, PASSWORD_CREDENTIAL_TYPE, KEY_CREDENTIAL_TYPE],
  item: applicationItemSchema,
  config: azureConfigSchema,
  async list({ cursor, ctx }) {
    const graph = graphSessionOf(ctx);
    const page = await graph.page(
      cursor ?? graph.url("applications", { $select: APPLICATION_SELECT, $top: String(ctx.config.pageSize) }),
    );
    const keyward = liveContext(ctx.config);
    const items = await mapInBatches(page.value, OWNER_LOOKUPS_IN_FLIGHT, async (app) => ({
      ...(app as object),
      owners: await graph.all(graph.url(`applications/${objectIdOf(app)}/owners`)),
      keyward,
    }));
    return { items, ...(page.nextLink ? { nextCursor: page.nextLink } : {}) };
  },
  transform: (item) => applicationItemRecords(item),
});
