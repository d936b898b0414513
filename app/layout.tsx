// Root layout: html/body, theme attribute from the signed-in user's choice, global styles, the
// strings for client components (next-intl, lib/i18n/request.ts) and the run-time browser
// monitoring configuration (nothing unless Sentry/PostHog are configured).
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { ClientMonitoring } from "@/components/observability/client-monitoring";
import { optionalUser } from "@/lib/auth/session";
import { clientMonitoringConfig } from "@/lib/observability/client-config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TimeTracker", template: "%s · TimeTracker" },
  description: "Self-hosted, privacy-first time tracking.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await optionalUser().catch(() => null);
  const monitoring = await clientMonitoringConfig(user?.id).catch(() => ({}));
  const enabled = Object.keys(monitoring).length > 0;
  const locale = await getLocale();
  return (
    <html lang={locale} data-theme={user?.theme ?? "system"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
        {enabled ? <ClientMonitoring config={monitoring} /> : null}
      </body>
    </html>
  );
}
