// The storefront's production build: one minified bundle with an external source map (sources included), then
// the upload a release step would do (`sentry-cli sourcemaps upload`): the bundle and its map, keyed by URL.
import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

/** Builds assets/app.min.js(.map) in `cwd` and copies them, with a manifest, into `artifactsFolder`. */
export async function buildAndUpload({ cwd, corpusModules, origin, artifactsFolder }) {
  // The app's own node_modules (a link to the corpus's), so the map names library sources as a deploy would.
  const modules = path.join(cwd, "node_modules");
  if (!fs.existsSync(modules)) fs.symlinkSync(corpusModules, modules, "dir");
  await esbuild.build({
    absWorkingDir: cwd,
    entryPoints: ["src/main.mjs"],
    outfile: "assets/app.min.js",
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    sourcemap: "external",
    sourcesContent: true,
    preserveSymlinks: true,
    logLevel: "warning",
  });
  fs.rmSync(artifactsFolder, { recursive: true, force: true });
  fs.mkdirSync(artifactsFolder, { recursive: true });
  for (const name of ["app.min.js", "app.min.js.map"]) fs.copyFileSync(path.join(cwd, "assets", name), path.join(artifactsFolder, name));
  const manifest = [{ url: `${origin}/assets/app.min.js`, file: "app.min.js", sourcemap: "app.min.js.map" }];
  fs.writeFileSync(path.join(artifactsFolder, "manifest.json"), JSON.stringify(manifest, null, 2));
}
