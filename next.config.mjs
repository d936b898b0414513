// Next.js configuration. Sentry's build plugin is added by lib/observability (issue: analytics).
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // Loaded at run time from node_modules, not bundled: WASM/native files and worker-free logging.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "thread-stream", "pg", "prom-client"],
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
  },
};

export default nextConfig;
