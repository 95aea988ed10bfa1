import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keyward", template: "%s · Keyward" },
  description: "Inventory and governance of non-human identities",
};

const THEMES = new Set(["light", "dark", "system"]);

export default async function RootLayout({ children }: { children: ReactNode }) {
  const stored = (await cookies()).get("theme")?.value ?? "system";
  const theme = THEMES.has(stored) ? stored : "system";
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen font-sans text-sm antialiased">{children}</body>
    </html>
  );
}
