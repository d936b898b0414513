// Next.js configuration. Sentry's build plugin is added by lib/observability (issue: analytics).
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // Loaded at run time from node_modules, not bundled: WASM/native files and worker-free logging.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "thread-stream", "pg", "prom-client"],
  outputFileTracingIncludes: {
    "/*": ["./prisma/migrations/**/*", "./node_modules/@electric-sql/pglite/dist/**/*", "./docs/**/*.md"],
  },
};

export default nextConfig;
