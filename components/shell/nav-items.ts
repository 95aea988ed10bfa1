import { roleCan, type Permission, type Role } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; icon: string; permission: Permission };

/** The app's areas in menu order; each shows only to roles with its permission. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Dashboard", icon: "gauge", permission: "inventory:read" },
  { href: "/inventory", label: "Inventory", icon: "boxes", permission: "inventory:read" },
  { href: "/findings", label: "Findings", icon: "shield-alert", permission: "inventory:read" },
  { href: "/sources", label: "Sources", icon: "plug", permission: "sync:run" },
  { href: "/campaigns", label: "Campaigns", icon: "clipboard-check", permission: "campaigns:manage" },
  { href: "/reviews", label: "My reviews", icon: "list-checks", permission: "reviews:decide" },
  { href: "/reports", label: "Reports", icon: "file-text", permission: "reports:export" },
  { href: "/audit", label: "Audit log", icon: "scroll-text", permission: "audit:read" },
  { href: "/settings", label: "Settings", icon: "settings", permission: "settings:manage" },
];

/**
 * The menu of one role: the areas it may use. Owners see the inventory as "My identities": the
 * data layer already narrows it to the identities they own, so the name says what they get.
 */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => roleCan(role, item.permission)).map((item) =>
    role === "owner" && item.href === "/inventory" ? { ...item, label: "My identities" } : item,
  );
}
