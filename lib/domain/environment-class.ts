/**
 * Production vs non-production, the two classes policy thresholds default by (PRODUCT.md "Built-in
 * policies": e.g. 90 days in prod, 180 elsewhere). Environments are free text set by sources, so
 * the class is derived from the name.
 */
export type EnvironmentClass = "prod" | "non-prod";

export const ENVIRONMENT_CLASSES: readonly EnvironmentClass[] = ["prod", "non-prod"];

/**
 * Lower-cased environment names that count as production: `prod`, `production`, `prd`, `live`,
 * alone or as the first word (`prod-eu`, `production_us`). POSIX and JavaScript read it alike, so
 * SQL (`~`) and `environmentClass` classify the same way.
 */
export const PROD_ENVIRONMENT_PATTERN = "^(prod|production|prd|live)([-_./ ].*)?$";

const prodPattern = new RegExp(PROD_ENVIRONMENT_PATTERN);

/**
 * An unknown environment counts as production: a record nobody has labelled gets the stricter
 * threshold until someone does, rather than the lenient one by accident.
 */
export function environmentClass(environment: string | null | undefined): EnvironmentClass {
  if (environment === null || environment === undefined || environment.trim() === "") return "prod";
  return prodPattern.test(environment.trim().toLowerCase()) ? "prod" : "non-prod";
}
