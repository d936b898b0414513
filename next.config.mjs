// Next.js configuration, wrapped by Sentry's build plugin. The build never needs a network or a
// token: source maps are uploaded only when SENTRY_AUTH_TOKEN (with SENTRY_ORG/SENTRY_PROJECT) is
// set at build time; Sentry itself is switched on at RUN time by SENTRY_DSN (lib/observability/sentry.ts).
import { withSentryConfig } from "@sentry/nextjs/config";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routing: the request config picks the locale and loads messages/<locale>.json.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // The build type-checks what ships (app, components, lib and what they import); tests, e2e and the
  // bench/load tooling are checked by `npm run typecheck` (tsconfig.json), not by `next build`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // forbidden() from next/navigation: admin pages answer a non-admin with HTTP 403 (app/(app)/admin/forbidden.tsx).
  // proxyClientMaxBodySize: the proxy buffers request bodies up to this size (Next's default 10 MB
  // would cut a 10 MB expense receipt plus its multipart framing; lib/services/receipts.ts refuses
  // anything over 10 MB itself).
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "11mb" },
  // Loaded at run time from node_modules, not bundled: WASM/native files and worker-free logging.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pino",
    "thread-stream",
    "pg",
    "prom-client",
    "posthog-node",
    "pdfkit",
    "fontkit",
  ],
  // Hardening headers on everything, static files included (the proxy adds CSP and HSTS).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  outputFileTracingIncludes: {
    "/*": ["./prisma/migrations/**/*", "./node_modules/@electric-sql/pglite/dist/**/*", "./docs/**/*.md"],
    // The invoice PDF embeds DejaVu Sans (read from disk at run time, so tracing cannot see it).
    "/invoices/[id]/pdf": [
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
    ],
  },
};

// Build-time only: this file is read by `next build`, not by the running app (lib/env.ts is).
const uploadToken = process.env.SENTRY_AUTH_TOKEN || undefined;

export default withSentryConfig(withNextIntl(nextConfig), {
  silent: true,
  telemetry: false,
  authToken: uploadToken,
  org: process.env.SENTRY_ORG,
  project: process.env.SENTRY_PROJECT,
  sourcemaps: { disable: !uploadToken, deleteSourcemapsAfterUpload: true },
  release: { create: Boolean(uploadToken), finalize: Boolean(uploadToken) },
  widenClientFileUpload: false,
});
