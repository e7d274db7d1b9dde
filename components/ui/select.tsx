"use client";

import type { ComponentProps } from "react";
import { controlClasses, type ControlStyle } from "./control-class";
import { useFieldControl } from "./field-context";

/** A native select; inside a Field it is labelled and described by it. */
export function Select({ inline, className, ...props }: ComponentProps<"select"> & ControlStyle) {
  return <select {...useFieldControl()} {...props} className={controlClasses({ inline }, className)} />;
}
