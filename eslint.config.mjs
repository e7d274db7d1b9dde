import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Client code (components, lib, pages and layouts) gets data through lib/queries hooks and API routes,
// never by importing server/ (DESIGN.md, "Layout"). Route handlers under app/api are the thin edge to server/.
const noServerImports = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          regex: "^(@/server(/.*)?|(\\.\\./)+server(/.*)?)$",
          message: "Client code must not import server/: fetch through a lib/queries hook instead.",
        },
      ],
    },
  ],
};

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "server/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      // The corpus of real executions has its own package and runs its apps' code as they are (corpus/README.md).
      "corpus/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    rules: noServerImports,
  },
  {
    // Pages and layouts are server components: they may ask who is signed in (to redirect or refuse),
    // and nothing else from server/.
    files: ["app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/server|(\\.\\./)+server)(?!/auth/current-user$)(/.*)?$",
              message:
                "Pages get data through lib/queries hooks; only @/server/auth/current-user may be imported here.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib/ is pure and isomorphic: no Node.js built-ins either.
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(@/server(/.*)?|(\\.\\./)+server(/.*)?)$", message: "lib/ must not import server/." },
            { regex: "^node:", message: "lib/ is pure and isomorphic: no Node.js built-ins." },
          ],
        },
      ],
    },
  },
];

export default config;
