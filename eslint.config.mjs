import boundaries from "eslint-plugin-boundaries";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (docs/development.md, "Layer rules"): app → components → lib; inside lib, only
// lib/services and lib/db reach the database. Tooling (tests, e2e, scripts, bench) is outside the
// layers: it sets up databases and servers on purpose.
const elements = [
  { type: "db", pattern: "lib/db/**", partialMatch: false },
  { type: "services", pattern: "lib/services/**", partialMatch: false },
  { type: "lib", pattern: "lib/**", partialMatch: false },
  // A route's private client parts: app/<route>/_components/*, captured by route.
  { type: "route-parts", pattern: "app/**/_components/**", partialMatch: false, capture: ["route"] },
  { type: "app", pattern: "app/**", partialMatch: false },
  { type: "components", pattern: "components/**", partialMatch: false },
];

const layerRules = {
  files: ["app/**", "components/**", "lib/**"],
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  plugins: { boundaries },
  settings: {
    "boundaries/elements": elements,
    "boundaries/include": ["app/**", "components/**", "lib/**"],
    // Prisma's generated enums are plain constants with no database code: the one source for roles,
    // entry sources and task statuses, importable from any layer.
    "boundaries/ignore": ["lib/db/generated/enums.ts"],
    "import/resolver": { typescript: { alwaysTryTypes: true } },
  },
  rules: {
    // A route's _components are its own: a relative import may climb to an ancestor's _components
    // but never walk down into another route's. Shared pieces belong in components/.
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^(@/app/.*|(\\./|(\\.\\./)+)[^.].*)_components/",
            message: "Another route's _components are private to it: move the shared piece to components/.",
          },
        ],
      },
    ],
    "boundaries/dependencies": [
      2,
      {
        default: "allow",
        policies: [
          {
            from: { element: { types: { anyOf: ["lib", "components", "app", "route-parts"] } } },
            disallow: { to: { element: { type: "db" } } },
            message: "Only lib/services and lib/db may import lib/db: go through a service.",
          },
          {
            from: { element: { types: { anyOf: ["db", "services", "lib", "components"] } } },
            disallow: { to: { element: { types: { anyOf: ["app", "route-parts"] } } } },
            message: "Imports go app → components → lib: lib and components never import from app/.",
          },
          {
            from: { element: { types: { anyOf: ["db", "services", "lib"] } } },
            disallow: { to: { element: { type: "components" } } },
            message: "lib never imports components: UI depends on lib, not the other way round.",
          },
          {
            from: { element: { types: { anyOf: ["components", "route-parts"] } } },
            disallow: { to: { element: { type: "services" } }, dependency: { kind: "value" } },
            message:
              "UI parts import lib/services for types only: pure helpers live in lib/time, lib/format and lib/validation.",
          },
          {
            from: { element: { type: "db" } },
            disallow: { to: { element: { type: "services" } } },
            message: "lib/db is the bottom layer: it never imports lib/services.",
          },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Rest siblings drop fields on purpose (e.g. a password hash from a DTO).
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
  layerRules,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "coverage/**", "test-results/**", "next-env.d.ts"],
  },
];

export default config;
