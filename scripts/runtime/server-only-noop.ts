// Stand-in for the "server-only" package outside Next.js (scripts and tests); see vitest.config.ts.
export {};
