/*
 * What a service account's e-mail address says about it (cloud.google.com/iam/docs/service-account-types):
 * accounts customers create live at `<id>@<project>.iam.gserviceaccount.com`; Google creates the
 * Compute Engine and App Engine default accounts — which for years received roles/editor
 * automatically — and service agents, which act for Google services and that customers cannot
 * create keys for.
 */

export type ServiceAccountKind = "user_managed" | "default_compute" | "default_app_engine" | "service_agent";

export interface AccountFacts {
  readonly kind: ServiceAccountKind;
  /** The project the address names, when it names one by id. */
  readonly projectId?: string;
  /** The project number the address names (default compute account, service agents). */
  readonly projectNumber?: string;
}

const DEFAULT_COMPUTE = /^(\d+)-compute@developer\.gserviceaccount\.com$/;
const DEFAULT_APP_ENGINE = /^([a-z][a-z0-9-]*)@appspot\.gserviceaccount\.com$/;
const USER_MANAGED = /^[a-z][a-z0-9-]*@([a-z][a-z0-9-]*)\.iam\.gserviceaccount\.com$/;
/** `service-<number>@gcp-sa-….iam…`, `<number>@cloudservices…`, `<number>@cloudbuild…` and kin. */
const SERVICE_AGENT = /^(?:service-)?(\d+)@[a-z0-9-]+(?:\.iam)?\.gserviceaccount\.com$/;

export function accountFactsOf(email: string): AccountFacts {
  const address = email.toLowerCase();
  const compute = DEFAULT_COMPUTE.exec(address);
  if (compute) return { kind: "default_compute", projectNumber: compute[1] };
  const appEngine = DEFAULT_APP_ENGINE.exec(address);
  if (appEngine) return { kind: "default_app_engine", projectId: appEngine[1] };
  const agent = SERVICE_AGENT.exec(address);
  if (agent) return { kind: "service_agent", projectNumber: agent[1] };
  const managed = USER_MANAGED.exec(address);
  return managed ? { kind: "user_managed", projectId: managed[1] } : { kind: "user_managed" };
}
