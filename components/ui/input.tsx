"use client";

import type { ComponentProps } from "react";
import { controlClasses, type ControlStyle } from "./control-class";
import { useFieldControl } from "./field-context";

/** A text-like input; inside a Field it is labelled and described by it. */
export function Input({ inline, className, ...props }: ComponentProps<"input"> & ControlStyle) {
  return <input {...useFieldControl()} {...props} className={controlClasses({ inline }, className)} />;
}
