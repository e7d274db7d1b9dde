import type { SyntheticPlatform } from "../types";
import { csharp } from "./csharp";
import { go } from "./go";
import { java } from "./java";
import { javascript } from "./javascript";
import { node } from "./node";
import { php } from "./php";
import { python } from "./python";
import { ruby } from "./ruby";
import type { PlatformSpec } from "./spec";

export const PLATFORM_SPECS: Record<SyntheticPlatform, PlatformSpec> = {
  python,
  javascript,
  node,
  java,
  go,
  ruby,
  php,
  csharp,
};
export type { Failure, LibraryFrame, PlatformSpec } from "./spec";
