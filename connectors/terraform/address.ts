import type { StateInstance, StateResource } from "./schemas";

/** `[0]` for count, `["blue"]` for for_each (JSON quoting, as Terraform prints addresses). */
export function indexSuffix(indexKey: StateInstance["index_key"]): string {
  if (indexKey === undefined) return "";
  return typeof indexKey === "number" ? `[${indexKey}]` : `[${JSON.stringify(indexKey)}]`;
}

/** The instance's address as `terraform state list` shows it: `module.x.aws_iam_access_key.deploy[0]`. */
export function instanceAddress(resource: StateResource, instance: StateInstance): string {
  const local = `${resource.mode === "data" ? "data." : ""}${resource.type}.${resource.name}${indexSuffix(instance.index_key)}`;
  return resource.module ? `${resource.module}.${local}` : local;
}
