import type { RiskFactor } from "@/lib/risk/risk-formula";

/*
 * What each factor stores as its evidence (identity_risk_scores.factors → <factor>.evidence) and
 * how it reads as a path ("has_permission admin on prod-db via deploy-key"). Pure. Evidence holds
 * names, ids, dates and thresholds — never an age computed from "now" — so it only changes when
 * the inventory does, and an unchanged inventory rewrites no row.
 */

export type NodeRef = { id: string; name: string };
export type Location = { path?: string; line?: number; commit?: string; historyOnly?: boolean; source?: string };

export type PrivilegeEvidence = {
  grant: {
    level: string;
    /** Why it counts as this level: the edge's level, a privileged role name, a wildcard or a privileged flag. */
    reason: "level" | "role" | "wildcard" | "privileged";
    role: string | null;
    /** id is null for a resource no source has reported (named by its external id). */
    resource: { id: string | null; name: string };
    via: { kind: "identity" | "credential" | "assumed-role"; id: string; name: string };
  } | null;
  /** `superuser` / `privileged` set on the identity itself (database superusers…). */
  attribute: string | null;
  /** Permission edges reachable in all. */
  grants: number;
};

export type EnvironmentEvidence = {
  environment: string | null;
  basis: "identity" | "unset" | "resource";
  resource?: { id: string; name: string; environment: string };
};

export type ExposureEvidence = {
  rule?: "secret-in-code" | "secret-in-plain-config";
  credential?: NodeRef;
  locations?: Location[];
  reasons?: string[];
  /** Credentials of the identity with such a finding. */
  credentials?: number;
};

export type ReuseEvidence = {
  credential?: NodeRef;
  /** Credentials holding that value, this one included. */
  holders?: number;
  also?: NodeRef & { source: string; location: Location | null };
};

export type AgeEvidence = {
  credential?: NodeRef;
  since?: string;
  basis?: "lastRotatedAt" | "createdAt";
  maxAgeDays?: number;
};

export type OwnershipEvidence = {
  owner: { email: string; status: "active" | "left" | "unknown"; via: string } | null;
  suggested: { email: string; via: string } | null;
};

export type RiskEvidence = {
  privilege: PrivilegeEvidence;
  environment: EnvironmentEvidence;
  exposure: ExposureEvidence;
  reuse: ReuseEvidence;
  age: AgeEvidence;
  ownership: OwnershipEvidence;
};

/** One piece of a path; `node` makes it a link to that identity's or credential's page. */
export type PathStep = { text: string; node?: { kind: "identity" | "credential"; id: string } };

const text = (value: string): PathStep => ({ text: value });
const credential = (ref: NodeRef): PathStep => ({ text: ref.name, node: { kind: "credential", id: ref.id } });

/** `path:line@commit` (commit shortened to 12), as a reviewer would look it up. */
export function describeLocation(location: Location): string {
  const where = location.path ? `${location.path}${location.line ? `:${location.line}` : ""}` : (location.source ?? "unknown place");
  const commit = location.commit ? `@${location.commit.slice(0, 12)}` : "";
  return `${where}${commit}${location.historyOnly ? " (history only)" : ""}`;
}

function grantPath(g: NonNullable<PrivilegeEvidence["grant"]>): PathStep[] {
  const why = g.reason === "level" ? "" : g.reason === "role" ? ` (role ${g.role})` : ` (${g.reason})`;
  const steps: PathStep[] = [text(`has_permission ${g.level}${why} on ${g.resource.name}`)];
  if (g.via.kind === "credential") steps.push(text(" via "), credential(g.via));
  if (g.via.kind === "assumed-role") steps.push(text(" via can_assume "), { text: g.via.name, node: { kind: "identity", id: g.via.id } });
  return steps;
}

function privilegePath(e: PrivilegeEvidence): PathStep[] {
  const more = e.grants > 1 ? [text(` (strongest of ${e.grants} grants)`)] : [];
  if (e.attribute) {
    // A superuser flag makes it admin whatever its grants say; the strongest grant still shows.
    const attribute = text(`attribute ${e.attribute} set on the identity`);
    return e.grant ? [attribute, text("; "), ...grantPath(e.grant), ...more] : [attribute];
  }
  return e.grant ? [...grantPath(e.grant), ...more] : [text("no permission known")];
}

function environmentPath(e: EnvironmentEvidence): PathStep[] {
  if (e.basis === "unset") return [text("no environment set: counted as production")];
  if (e.basis === "resource" && e.resource) {
    return [text(`identity in '${e.environment}', has_permission on ${e.resource.name} in '${e.resource.environment}'`)];
  }
  return [text(`identity environment '${e.environment}'`)];
}

function exposurePath(e: ExposureEvidence): PathStep[] {
  if (!e.rule || !e.credential) return [text("no secret of this identity found in code or plain configuration")];
  const more = (e.credentials ?? 1) > 1 ? ` (+${(e.credentials ?? 1) - 1} more credentials)` : "";
  if (e.rule === "secret-in-code") {
    const where = (e.locations ?? []).map(describeLocation).join(", ") || "a repository";
    return [text("secret-in-code: "), credential(e.credential), text(` in ${where}${more}`)];
  }
  return [text("secret-in-plain-config: "), credential(e.credential), text(` (${(e.reasons ?? []).join(", ")})${more}`)];
}

function reusePath(e: ReuseEvidence): PathStep[] {
  if (!e.credential || !e.also) return [text("no credential value of this identity is held elsewhere")];
  const where = e.also.location ? describeLocation(e.also.location) : `${e.also.name} (${e.also.source})`;
  const holders = e.holders && e.holders > 2 ? ` (${e.holders} holders in all)` : "";
  return [text("fingerprint of "), credential(e.credential), text(" also in "), { text: where, node: { kind: "credential", id: e.also.id } }, text(holders)];
}

function agePath(e: AgeEvidence): PathStep[] {
  if (!e.credential || !e.since) return [text("no active credential with a known creation or rotation date")];
  const verb = e.basis === "lastRotatedAt" ? "last rotated" : "created, never rotated,";
  return [credential(e.credential), text(` ${verb} ${e.since.slice(0, 10)} (policy: rotate within ${e.maxAgeDays} days)`)];
}

function ownershipPath(e: OwnershipEvidence): PathStep[] {
  if (!e.owner) return [text(e.suggested ? `no owner; suggested ${e.suggested.email} via ${e.suggested.via}` : "no owner resolved")];
  const status = e.owner.status === "active" ? "active" : e.owner.status === "left" ? "left the organisation" : "unknown to the people directory";
  return [text(`owner ${e.owner.email} (${status}) via ${e.owner.via}`)];
}

const PATHS: { [F in RiskFactor]: (evidence: RiskEvidence[F]) => PathStep[] } = {
  privilege: privilegePath,
  environment: environmentPath,
  exposure: exposurePath,
  reuse: reusePath,
  age: agePath,
  ownership: ownershipPath,
};

export function describeEvidence<F extends RiskFactor>(factor: F, evidence: RiskEvidence[F]): PathStep[] {
  return PATHS[factor](evidence);
}

/** The path as one line of text. */
export const pathText = (steps: readonly PathStep[]) => steps.map((s) => s.text).join("");
