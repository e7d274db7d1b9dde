// Sentry groups platforms into behaviour families; grouping rules and enhancement matchers
// (`family:native`) switch on the family, not the platform name.
export type Family = "native" | "javascript" | "other";

const NATIVE = new Set(["objc", "cocoa", "swift", "native", "c"]);
const JAVASCRIPT = new Set(["javascript", "node"]);

export function familyForPlatform(platform: string | null | undefined): Family {
  if (platform && NATIVE.has(platform)) return "native";
  if (platform && JAVASCRIPT.has(platform)) return "javascript";
  return "other";
}

/** abs_path values that point at a URL: their file names are unstable and not used for grouping. */
export function hasUrlOrigin(path: string | null | undefined, allowFileOrigin = false): boolean {
  if (!path) return false;
  if (/^(?:http:|https:|applewebdata:|blob:)/.test(path)) return true;
  if (path.startsWith("file:")) return !allowFileOrigin;
  return false;
}

/** Sentry's `Frame.is_url()`. */
export function frameIsUrl(absPath: string | null | undefined): boolean {
  if (!absPath) return false;
  return /^(?:blob:|file:|http:|https:|applewebdata:)/.test(absPath);
}
