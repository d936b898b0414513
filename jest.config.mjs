// Unit tests sit beside the code (*.test.ts[x]); integration tests against a real database in tests/.
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const config = createJestConfig({
  testEnvironment: "node",
  setupFiles: ["<rootDir>/tests/helpers/setup-env.ts"],
  setupFilesAfterEnv: ["<rootDir>/tests/helpers/cpu-report.ts"],
  // One migrated template database per run; each test file gets a copy (tests/helpers/template-db.ts).
  globalSetup: "<rootDir>/tests/helpers/global-setup.ts",
  globalTeardown: "<rootDir>/tests/helpers/global-teardown.ts",
  testSequencer: "<rootDir>/tests/helpers/sequencer.mjs",
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/helpers/empty-module.ts",
    // next-intl is ESM-only and needs Next's "react-server" condition: tests/helpers/next-intl.ts
    // serves the same catalog through use-intl's translator.
    "^next-intl$": "<rootDir>/tests/helpers/next-intl.ts",
    "^next-intl/server$": "<rootDir>/tests/helpers/next-intl.ts",
    "^@/(.*)$": "<rootDir>/$1",
  },
  modulePathIgnorePatterns: ["<rootDir>/.next/"],
  testPathIgnorePatterns: ["/node_modules/", "/.next/", "/e2e/"],
  // PGlite starts in ~2 s per test file; give database tests room on a 2-core machine.
  testTimeout: 60_000,
  maxWorkers: 2,
});

// use-intl (next-intl's core) ships ESM only: let next/jest's SWC transform compile it too; so do
// otplib's base32 and hash plugins (@scure/base, @noble/hashes, nested under @otplib).
export default async () => {
  const c = await config();
  c.transformIgnorePatterns = [
    "/node_modules/(?!(use-intl|@formatjs|intl-messageformat|icu-minify|@otplib|@scure|@noble)/)",
    "^.+\\.module\\.(css|sass|scss)$",
  ];
  return c;
};
