import type { Conventions } from "../schemas";

/*
 * Human or machine? IAM has no such flag, so the evidence is weighed in this order: the root user
 * is a person; a name following the machine convention is a machine (a console password on it is
 * then "human use" of a machine identity, which is what the `human-use` rule is for); a name
 * following the human convention is a person; a console password with MFA is a person's habit; no
 * console password at all means API use only. A password without MFA on a neutral name: cannot tell.
 */

export interface UserFacts {
  readonly name: string;
  readonly root: boolean;
  readonly consolePassword: boolean;
  readonly mfaActive: boolean;
}

export interface UserClass {
  /** null = cannot tell. */
  readonly isHuman: boolean | null;
  /** A console password means someone can sign in interactively. */
  readonly interactive: boolean;
  readonly basis: string;
}

const matching = (patterns: readonly string[], name: string) => patterns.find((p) => new RegExp(p, "i").test(name));

export function classifyUser(facts: UserFacts, conventions: Conventions): UserClass {
  const interactive = facts.root || facts.consolePassword;
  if (facts.root) return { isHuman: true, interactive, basis: "account root user" };
  const machine = matching(conventions.machineUserPatterns, facts.name);
  if (machine !== undefined) return { isHuman: false, interactive, basis: `name matches machine pattern ${machine}` };
  const human = matching(conventions.humanUserPatterns, facts.name);
  if (human !== undefined) return { isHuman: true, interactive, basis: `name matches human pattern ${human}` };
  if (facts.consolePassword && facts.mfaActive) return { isHuman: true, interactive, basis: "console password with MFA" };
  if (!facts.consolePassword) return { isHuman: false, interactive, basis: "no console password" };
  return { isHuman: null, interactive, basis: "console password without MFA" };
}
