// Root layout: html/body, theme attribute from the signed-in user's choice, global styles, the
// strings for client components (next-intl, lib/i18n/request.ts) and the run-time browser
// monitoring configuration (nothing unless Sentry/PostHog are configured).
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { ClientMonitoring } from "@/components/observability/client-monitoring";
import { Toaster } from "@/components/feedback/toaster";
import { optionalUser } from "@/lib/auth/session";
import { clientMonitoringConfig } from "@/lib/observability/client-config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TimeTracker", template: "%s · TimeTracker" },
  description: "Self-hosted, privacy-first time tracking.",
  // Installable app (docs/user-guide.md#install-as-an-app): app/manifest.ts and public/icons.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icons/icon.svg", type: "image/svg+xml" },
    ],
    apple: [{ url: "/icons/apple-touch-icon.png", sizes: "180x180" }],
  },
  appleWebApp: { capable: true, title: "TimeTracker", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#2563eb" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await optionalUser().catch(() => null);
  const monitoring = await clientMonitoringConfig(user?.id).catch(() => ({}));
  const enabled = Object.keys(monitoring).length > 0;
  const locale = await getLocale();
  return (
    <html lang={locale} data-theme={user?.theme ?? "system"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <NextIntlClientProvider>
          {children}
          {/* Toasts (sonner): confirmations with Undo, e.g. a deleted entry; inside the provider for its labels. */}
          <Toaster />
        </NextIntlClientProvider>
        {enabled ? <ClientMonitoring config={monitoring} /> : null}
      </body>
    </html>
  );
}
