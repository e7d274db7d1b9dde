import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";

/**
 * The Content-Security-Policy of every response. Next.js streams the page's data in inline <script> tags and
 * styles in inline style attributes; nonces would need every page rendered dynamically through proxy.ts, so
 * script-src and style-src allow 'unsafe-inline' and the policy's weight rests on what it forbids: scripts, frames,
 * objects, form targets and connections to any other origin, <base> rewriting, and being framed anywhere.
 * The development server also evaluates code for its error overlay and hot reloading ('unsafe-eval').
 */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Headers of every response, pages and API alike. None of them touches CORS, so the SDK ingest endpoints keep
 * answering browser SDKs on other sites (server/ingest/transport/cors.ts).
 */
function securityHeaders(dev = false) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ];
}

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
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
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
  },
});

export default nextConfig;
