/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages are loaded by Node.js at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "@electric-sql/pglite-socket",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "onnxruntime-node",
    "@node-rs/argon2",
    "@huggingface/tokenizers",
  ],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // `npm test` typechecks the whole project (npm run typecheck); the build does not do it a second time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
