/**
 * Limits on accepting a finding's risk (PRODUCT.md: "justification and expiry required"). An
 * acceptance without an end would be a silent suppression, so it must end within a year.
 */
export const MIN_JUSTIFICATION_CHARS = 10;
export const MAX_JUSTIFICATION_CHARS = 2000;
/** Longest acceptance, in days. */
export const MAX_ACCEPTANCE_DAYS = 365;

export type AcceptanceProblem = { field: "justification" | "until"; message: string };

/** The first problem with a proposed acceptance, or null when it is acceptable. */
export function checkRiskAcceptance(input: { justification: string; until: Date }, now: Date): AcceptanceProblem | null {
  const justification = input.justification.trim();
  if (justification.length < MIN_JUSTIFICATION_CHARS) {
    return { field: "justification", message: `Explain why the risk is acceptable (at least ${MIN_JUSTIFICATION_CHARS} characters).` };
  }
  if (justification.length > MAX_JUSTIFICATION_CHARS) {
    return { field: "justification", message: `Keep the justification under ${MAX_JUSTIFICATION_CHARS} characters.` };
  }
  if (Number.isNaN(input.until.getTime())) return { field: "until", message: "Give the date the acceptance ends." };
  if (input.until.getTime() <= now.getTime()) return { field: "until", message: "The acceptance must end in the future." };
  if (input.until.getTime() > now.getTime() + MAX_ACCEPTANCE_DAYS * 86_400_000) {
    return { field: "until", message: `An acceptance may last at most ${MAX_ACCEPTANCE_DAYS} days; review it again then.` };
  }
  return null;
}
