import type { ReportFrameworkId } from "@/lib/reports/compliance-types";

/**
 * Short titles of the controls that policies/rules.json maps to, paraphrased from each framework
 * (the frameworks' own texts are longer and partly licensed). A unit test checks that every
 * control of the catalogue has one here, so a new mapping cannot ship without a title.
 */
export const FRAMEWORK_SHORT_NAMES: Record<ReportFrameworkId, string> = {
  "nist-csf-2.0": "NIST CSF 2.0",
  soc2: "SOC 2",
  "pci-dss-4.0": "PCI DSS 4.0",
  dora: "DORA",
};

export const CONTROL_TITLES: Record<ReportFrameworkId, Record<string, string>> = {
  "nist-csf-2.0": {
    "GV.SC-07": "Supplier and third-party risks are understood, recorded, assessed, responded to and monitored",
    "ID.AM-08": "Systems, software, services and data are managed throughout their life cycles",
    "PR.AA-01": "Identities and credentials for users, services and hardware are managed",
    "PR.AA-03": "Users, services and hardware are authenticated",
    "PR.AA-04": "Identity assertions are protected, conveyed and verified",
    "PR.AA-05": "Access permissions are defined, managed, enforced and reviewed with least privilege",
    "PR.DS-01": "Confidentiality, integrity and availability of data at rest are protected",
    "PR.DS-02": "Confidentiality, integrity and availability of data in transit are protected",
    "PR.PS-01": "Configuration management practices are established and applied",
    "PR.PS-06": "Secure software development practices are integrated and monitored",
    "PR.IR-01": "Networks and environments are protected from unauthorized logical access",
    "DE.CM-03": "Personnel activity and technology usage are monitored for adverse events",
  },
  soc2: {
    "CC6.1": "Logical access security over protected information assets",
    "CC6.2": "Credentials are issued on authorization and removed when no longer authorized",
    "CC6.3": "Access is authorized, modified and removed by role and least privilege",
    "CC6.6": "Logical access is protected against threats from outside the system boundary",
    "CC6.7": "Transmission and movement of information is restricted and protected",
    "CC7.2": "System components are monitored for anomalies indicating malicious acts or errors",
    "CC8.1": "Changes to infrastructure, data and software are authorized, tested and approved",
    "CC9.2": "Risks from vendors and business partners are assessed and managed",
  },
  "pci-dss-4.0": {
    "4.2.1": "Strong cryptography with valid, unexpired certificates protects data in transit",
    "6.5.3": "Pre-production environments are separated from production",
    "7.2.1": "An access control model is defined and covers all access",
    "7.2.2": "Access, including privileged access, is assigned by job function with least privilege",
    "7.2.4": "User accounts and access, including third parties', are reviewed at least every six months",
    "7.2.5": "Application and system accounts are assigned and managed with least privilege",
    "7.2.5.1": "Access of application and system accounts is reviewed periodically",
    "8.2.2": "Shared or generic accounts and credentials are used only by exception",
    "8.2.5": "Access of terminated users is revoked immediately",
    "8.2.6": "Inactive accounts are removed or disabled within 90 days",
    "8.2.7": "Accounts used by third parties for remote access are managed",
    "8.3.2": "Authentication factors are unreadable in transmission and storage",
    "8.3.9": "Passwords used as the only factor are changed at least every 90 days",
    "8.6.1": "Interactive login with system or application accounts is managed",
    "8.6.2": "Passwords of system and application accounts are not hard-coded in scripts, config or code",
    "8.6.3": "Passwords of system and application accounts are protected against misuse and changed periodically",
  },
  dora: {
    "Art. 8(1)": "ICT assets, functions and their dependencies are identified, classified and documented",
    "Art. 9(4)(c)": "Logical access is limited to what legitimate, approved functions require",
    "Art. 9(4)(d)": "Strong authentication and protection of cryptographic keys",
    "Art. 10(1)": "Anomalous activities are detected promptly",
    "Art. 28": "ICT third-party risk is managed",
  },
};

export const OWASP_TITLES: Record<string, string> = {
  NHI1: "Improper Offboarding",
  NHI2: "Secret Leakage",
  NHI3: "Vulnerable Third-Party NHI",
  NHI4: "Insecure Authentication",
  NHI5: "Overprivileged NHI",
  NHI6: "Insecure Cloud Deployment Configurations",
  NHI7: "Long-Lived Secrets",
  NHI8: "Environment Isolation",
  NHI9: "NHI Reuse",
  NHI10: "Human Use of NHI",
};

export function controlTitle(framework: ReportFrameworkId, controlId: string): string {
  return CONTROL_TITLES[framework][controlId] ?? controlId;
}

/** Orders control ids naturally: 7.2.5 before 7.2.5.1 before 8.2.2; PR.AA-01 before PR.AA-05. */
export function compareControlIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
