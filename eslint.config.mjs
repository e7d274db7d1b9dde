import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Who may import what (DESIGN.md, "Layout"):
// - browser code (components, lib, pages and layouts) gets data through lib/queries hooks and API routes, never by
//   importing server/ or the grouping engine (engine/); route handlers under app/api are the thin edge to server/;
// - lib/ is what the browser runs: pure and isomorphic, no Node.js built-ins;
// - engine/ is the grouping engine (event schema, fingerprinting, embedding text, alignment, metrics, the numeric
//   helpers): used by server/ and scripts, free to use Node.js built-ins, never the UI, Next.js or server/.
const serverImports = (message) => ({ regex: "^(@/server|(\\.\\./)+server)(/.*)?$", message });
const engineImports = {
  regex: "^(@/engine|(\\.\\./)+engine)(/.*)?$",
  message: "Browser code must not import engine/ (server and scripts only): fetch through a lib/queries hook instead.",
};

const browserImports = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        serverImports("Client code must not import server/: fetch through a lib/queries hook instead."),
        engineImports,
      ],
    },
  ],
};

const engineRule =
  "engine/ is the grouping engine: it serves server/ and scripts and knows nothing of them or of the UI.";

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
    rules: browserImports,
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
            engineImports,
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
            serverImports("lib/ must not import server/."),
            { ...engineImports, message: "lib/ is what the browser runs: it must not import engine/." },
            { regex: "^node:", message: "lib/ is pure and isomorphic: no Node.js built-ins." },
          ],
        },
      ],
    },
  },
  {
    // The engine runs in the server and in plain scripts (no "server-only" guard, which only Next.js can satisfy),
    // may use Node.js built-ins, and depends on nothing above it.
    files: ["engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "server-only",
              message: "engine/ also runs outside Next.js (plain scripts), where server-only throws.",
            },
            { name: "react", message: engineRule },
            { name: "react-dom", message: engineRule },
            { name: "next", message: engineRule },
          ],
          patterns: [
            { regex: "^(react|react-dom|next|@tanstack)/", message: engineRule },
            serverImports(`${engineRule} server/ imports engine/, not the other way round.`),
            { regex: "^(@/|(\\.\\./)+)(app|components)(/.*)?$", message: engineRule },
            { regex: "^(@/lib|(\\.\\./)+lib)/queries(/.*)?$", message: `${engineRule} lib/queries is the browser's.` },
          ],
        },
      ],
    },
  },
];

export default config;
