import type { RuleQuery } from "@/lib/policy/rules/types";
import { certExpired } from "@/lib/policy/rules/cert-expired";
import { certExpiring } from "@/lib/policy/rules/cert-expiring";
import { credentialMaxAge } from "@/lib/policy/rules/credential-max-age";
import { crossEnvironment } from "@/lib/policy/rules/cross-environment";
import { externalTrust } from "@/lib/policy/rules/external-trust";
import { humanUse } from "@/lib/policy/rules/human-use";
import { multipleActiveKeys } from "@/lib/policy/rules/multiple-active-keys";
import { neverUsed } from "@/lib/policy/rules/never-used";
import { noExpiry } from "@/lib/policy/rules/no-expiry";
import { noOwner } from "@/lib/policy/rules/no-owner";
import { nonExpiringToken } from "@/lib/policy/rules/non-expiring-token";
import { oidcTrustUnconditioned } from "@/lib/policy/rules/oidc-trust-unconditioned";
import { outlivedPurpose } from "@/lib/policy/rules/outlived-purpose";
import { ownerDeparted } from "@/lib/policy/rules/owner-departed";
import { privileged } from "@/lib/policy/rules/privileged";
import { secretInCode } from "@/lib/policy/rules/secret-in-code";
import { secretInPlainConfig } from "@/lib/policy/rules/secret-in-plain-config";
import { secretReused } from "@/lib/policy/rules/secret-reused";
import { staticCloudKeyInCi } from "@/lib/policy/rules/static-cloud-key-in-ci";
import { unused } from "@/lib/policy/rules/unused";
import { weakKey } from "@/lib/policy/rules/weak-key";
import { writeDeployKey } from "@/lib/policy/rules/write-deploy-key";

/** Every rule's SQL, by rule id. A test checks it covers exactly the catalogue's ids. */
export const RULE_QUERIES: ReadonlyMap<string, RuleQuery> = new Map(
  [
    credentialMaxAge,
    noExpiry,
    unused,
    neverUsed,
    noOwner,
    ownerDeparted,
    certExpired,
    certExpiring,
    weakKey,
    secretInCode,
    secretInPlainConfig,
    secretReused,
    crossEnvironment,
    privileged,
    writeDeployKey,
    oidcTrustUnconditioned,
    externalTrust,
    staticCloudKeyInCi,
    nonExpiringToken,
    multipleActiveKeys,
    outlivedPurpose,
    humanUse,
  ].map((rule) => [rule.id, rule]),
);
