import { awsConfigSchema, type AwsConfig } from "../config";
import type { Conventions, ItemContext } from "../schemas";

/** The classification settings of a source, as live listings stamp them on items. */
export function conventionsOf(config: AwsConfig): Conventions {
  const { ownerTagKeys, teamTagKeys, environmentTagKeys, humanUserPatterns, machineUserPatterns } = config;
  return { ownerTagKeys, teamTagKeys, environmentTagKeys, humanUserPatterns, machineUserPatterns };
}

/** Offline imports have no source config: the documented defaults apply. */
export const DEFAULT_CONVENTIONS: Conventions = conventionsOf(awsConfigSchema.parse({}));

export const conventionsFor = (context: ItemContext | undefined): Conventions => context?.conventions ?? DEFAULT_CONVENTIONS;
