import { defineFormat, FormatError, parseFileWith, type FormatBatch, type InspectedFile } from "../../sdk";
import { stateV4Schema } from "../schemas";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Every Terraform state since 0.9 has `version`, `terraform_version`, `serial` and `lineage`;
 * version 4 (Terraform ≥ 0.12) lists `resources`, version 3 listed `modules`.
 */
function stateShape(json: unknown): number | undefined {
  if (!isObject(json) || typeof json.version !== "number" || typeof json.terraform_version !== "string") return undefined;
  if (typeof json.lineage !== "string" || typeof json.serial !== "number") return undefined;
  return json.version;
}

function detect(file: InspectedFile): number {
  const version = stateShape(file.json);
  if (version === undefined || !isObject(file.json)) return 0;
  if (version === 4) return Array.isArray(file.json.resources) || file.json.resources === undefined ? 1 : 0;
  // Older and newer states are claimed so the import report gives the reason instead of "unrecognised".
  return 0.9;
}

function parse(file: InspectedFile): FormatBatch[] {
  const version = stateShape(file.json);
  if (version !== 4) {
    const reason =
      version !== undefined && version < 4
        ? `state format version ${version} is not supported: it predates Terraform 0.12; run \`terraform state pull\` with Terraform 0.12 or later, which upgrades it to version 4`
        : `state format version ${String(version)} is not supported (expected 4)`;
    throw new FormatError("parse_failed", { file: file.path, field: "version", reason });
  }
  const state = parseFileWith(file, stateV4Schema);
  return [{ stream: "states", items: [{ path: file.path, state }] }];
}

/** `terraform state pull` output and backend state objects (`terraform.tfstate`), format version 4. */
export const stateV4Format = defineFormat({
  id: "terraform.state-v4",
  description: "Terraform state, format version 4 (terraform state pull > x.tfstate)",
  detect,
  parse,
});
