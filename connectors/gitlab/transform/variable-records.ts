import type { Fingerprinter, KeywardRecordInput } from "../../sdk";
import { ownerRef, variableRef } from "../external-types";
import type { VariableItem } from "../schemas";
import { compact } from "./compact";

/*
 * CI/CD variables as `ci_variable` credentials. GitLab returns the value: it is fingerprinted here
 * (so the same value found elsewhere — another variable, a Vault secret — is recognised) and then
 * dropped; no part of it is stored, not even a masked hint, since a masked variable's point is
 * that no prefix leaks. Hidden variables come back without a value: no fingerprint.
 *
 * The environment: a concrete `environment_scope` (`production`) names it; a wildcard (`*`,
 * `review/*`) does not, and the one configured for the project or group applies.
 */

/** An environment scope with a wildcard matches several environments, so names none. */
const isConcreteScope = (scope: string) => !scope.includes("*");

export function variableRecords(variable: VariableItem, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const { level = "project", ownerId = "", ownerPath, environment: configured } = variable.keyward;
  const ref = variableRef(level, ownerId, variable.key, variable.environment_scope);
  const environment = isConcreteScope(variable.environment_scope) ? variable.environment_scope : configured;
  const value = variable.value ?? "";
  return [
    {
      kind: "credential",
      ...ref,
      name: variable.key,
      type: "ci_variable",
      status: "active",
      ...(environment ? { environment } : {}),
      // Empty values would all look like one reused secret.
      ...(value !== "" ? { fingerprint: fingerprint(value) } : {}),
      attributes: compact({
        level,
        [level === "group" ? "groupId" : "projectId"]: ownerId,
        ownerPath,
        variableType: variable.variable_type,
        masked: variable.masked,
        protected: variable.protected,
        hidden: variable.hidden ?? undefined,
        raw: variable.raw ?? undefined,
        environmentScope: variable.environment_scope,
        description: variable.description,
        valueReadable: value !== "",
      }),
    },
    {
      kind: "edge",
      type: "stored_in",
      from: ref,
      to: ownerRef(level, ownerId),
      attributes: { environmentScope: variable.environment_scope, protected: variable.protected },
    },
  ];
}
