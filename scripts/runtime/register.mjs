// Loaded with `tsx --import` by the scripts that run server/ code outside Next.js: it makes the
// "server-only" guard a no-op there (inside Next.js it still stops client bundles from importing server/).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
