"use client";

import type { ComponentProps } from "react";
import { controlClasses, type ControlStyle } from "./control-class";
import { useFieldControl } from "./field-context";

/** A textarea; inside a Field it is labelled and described by it. */
export function Textarea({ inline, className, ...props }: ComponentProps<"textarea"> & ControlStyle) {
  return <textarea {...useFieldControl()} {...props} className={controlClasses({ inline }, className)} />;
}
