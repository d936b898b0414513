// Root layout: html/body, theme attribute from the signed-in user's choice, global styles.
import type { Metadata } from "next";
import { optionalUser } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TimeTracker", template: "%s · TimeTracker" },
  description: "Self-hosted, privacy-first time tracking.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await optionalUser().catch(() => null);
  return (
    <html lang="en" data-theme={user?.theme ?? "system"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
