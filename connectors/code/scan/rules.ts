import type { CredentialType } from "../../sdk";

/*
 * The rule table, modelled on gitleaks' `config/gitleaks.toml` (same prefixes and lengths, fewer
 * rules). Each pattern captures the secret in group 1; `keywords` (lowercase) are a cheap prefilter:
 * a rule's regex only runs on a text that contains one of them, which is what keeps 50,000 files fast.
 */

export interface SecretRule {
  readonly id: string;
  readonly title: string;
  readonly credentialType: CredentialType;
  readonly keywords: readonly string[];
  /** Global regex; group 1 is the secret value. */
  readonly pattern: RegExp;
  /** Minimum Shannon entropy (bits per character) of the value, for rules whose shape alone is weak. */
  readonly minEntropy?: number;
}

export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: "private-key",
    title: "Private key",
    credentialType: "private_key",
    keywords: ["private key"],
    // A notebook or JSON config holds the PEM with escaped newlines, so the body may contain `\n`.
    pattern: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----([\s\S]{64,}?)-----END \1-----/g,
  },
  {
    id: "aws-secret-access-key",
    title: "AWS secret access key",
    credentialType: "access_key",
    keywords: ["aws", "secret_access", "secretaccess"],
    pattern:
      /(?:aws|secret[_-]?access)[\w.-]{0,30}?(?:secret|key)[\w.-]{0,20}["']?\s*(?::|=|:=|=>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
  },
  {
    id: "github-token",
    title: "GitHub token",
    credentialType: "token",
    keywords: ["gh"],
    pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,255})\b/g,
  },
  {
    id: "github-fine-grained-pat",
    title: "GitHub fine-grained personal access token",
    credentialType: "pat",
    keywords: ["github_pat_"],
    pattern: /\b(github_pat_[A-Za-z0-9_]{82})\b/g,
  },
  {
    id: "gitlab-token",
    title: "GitLab personal access token",
    credentialType: "pat",
    keywords: ["glpat-"],
    pattern: /\b(glpat-[A-Za-z0-9_-]{20,})/g,
  },
  {
    id: "slack-token",
    title: "Slack token",
    credentialType: "token",
    keywords: ["xox"],
    pattern: /\b(xox[baprse]-[A-Za-z0-9-]{10,})/g,
  },
  {
    id: "slack-webhook",
    title: "Slack incoming webhook",
    credentialType: "token",
    keywords: ["hooks.slack.com"],
    pattern: /(https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{20,})/g,
  },
  {
    id: "stripe-key",
    title: "Stripe API key",
    credentialType: "api_key",
    keywords: ["sk_", "rk_"],
    pattern: /\b((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,99})\b/g,
  },
  {
    id: "sendgrid-api-key",
    title: "SendGrid API key",
    credentialType: "api_key",
    keywords: ["sg."],
    pattern: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  },
  {
    id: "dockerhub-pat",
    title: "Docker Hub access token",
    credentialType: "pat",
    keywords: ["dckr_pat_"],
    pattern: /\b(dckr_pat_[A-Za-z0-9_-]{27,})/g,
  },
  {
    id: "jwt",
    title: "JSON Web Token",
    credentialType: "token",
    keywords: ["eyj"],
    pattern: /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})/g,
  },
  {
    id: "database-url-password",
    title: "Database URL with a password",
    credentialType: "password",
    keywords: ["://"],
    // Group 1 is the password only: the user and host are not secret and stay out of the value.
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver):\/\/[^\s:/@'"]+:([^\s@'"/]+)@[^\s'"]+/g,
  },
  {
    id: "generic-secret-assignment",
    title: "High-entropy secret assignment",
    credentialType: "other",
    keywords: ["key", "secret", "token", "passw", "pwd", "credential"],
    pattern:
      // The lookbehind starts a match only at the start of a name: without it the engine retries `[\w.-]*` at every character.
      /(?<![\w.-])[\w.-]*?(?:api[_-]?key|apikey|secret|token|passwd|password|pwd|auth[_-]?key|access[_-]?key|credentials?)[\w.-]*["']?\s*(?::|=|:=|=>|\?=)\s*["']?([^\s"'`,;]{12,})/gi,
    minEntropy: 3.5,
  },
];

/** Rules with a distinctive shape win over the generic assignment for the same value. */
export const GENERIC_RULE_ID = "generic-secret-assignment";

/** AWS access key ids: not secret (so not a finding), but they link a nearby secret to its key. */
export const AWS_ACCESS_KEY_ID = /\b((?:AKIA|ASIA)[A-Z2-7]{16})\b/g;
