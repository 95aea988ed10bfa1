import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/settings/policies", title: "Policies", text: "Rule catalogue with its control mappings; thresholds per environment, class and criticality." },
  { href: "/settings/users", title: "Users and roles", text: "Invite people, change roles, disable accounts (ends their sessions at once)." },
];

export default async function SettingsPage() {
  await requirePageCaller("settings:manage");
  return (
    <>
      <PageHeader title="Settings" description="Policy thresholds, users and roles. API tokens arrive with their feature." />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((section) => (
          <Link key={section.href} href={section.href}>
            <Card className="h-full p-4 hover:border-accent">
              <h2 className="font-semibold">{section.title}</h2>
              <p className="mt-1 text-muted">{section.text}</p>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
