// Unit tests sit beside the code (*.test.ts[x]); integration tests against a real database in tests/.
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

export default createJestConfig({
  testEnvironment: "node",
  setupFiles: ["<rootDir>/tests/helpers/setup-env.ts"],
  setupFilesAfterEnv: ["<rootDir>/tests/helpers/cpu-report.ts"],
  // One migrated template database per run; each test file gets a copy (tests/helpers/template-db.ts).
  globalSetup: "<rootDir>/tests/helpers/global-setup.ts",
  globalTeardown: "<rootDir>/tests/helpers/global-teardown.ts",
  testSequencer: "<rootDir>/tests/helpers/sequencer.mjs",
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/helpers/empty-module.ts",
    "^@/(.*)$": "<rootDir>/$1",
  },
  modulePathIgnorePatterns: ["<rootDir>/.next/"],
  testPathIgnorePatterns: ["/node_modules/", "/.next/", "/e2e/"],
  // PGlite starts in ~2 s per test file; give database tests room on a 2-core machine.
  testTimeout: 60_000,
  maxWorkers: 2,
});
