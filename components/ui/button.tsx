import type { ComponentProps } from "react";

const variants = {
  primary: "bg-indigo-600 font-semibold text-white hover:bg-indigo-500",
  secondary: "border border-slate-300 bg-white font-medium text-slate-700 hover:bg-slate-50",
  /** GROUP on the review screen: a merge is the costly mistake. */
  danger: "bg-rose-600 font-semibold text-white hover:bg-rose-500",
  success: "bg-emerald-600 font-semibold text-white hover:bg-emerald-500",
  muted: "bg-slate-200 font-semibold text-slate-900 hover:bg-slate-300",
  /** A text button that reads like a link (toggles, Cancel beside a form). */
  ghost: "text-xs font-medium text-indigo-700 hover:underline",
} as const;

const sizes = {
  xs: "px-2 py-1 text-xs",
  sm: "px-3 py-1.5 text-sm",
  md: "px-2.5 py-2 text-sm",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Stretch to the width of the container. */
  block?: boolean;
}

/** The classes of a console button, for a link that looks like one. */
export function buttonClass({ variant = "secondary", size = "sm", block = false }: ButtonStyle = {}): string {
  return [
    "rounded-md disabled:cursor-not-allowed disabled:opacity-50",
    variants[variant],
    variant === "ghost" ? "" : sizes[size],
    block ? "block w-full" : "inline-block",
  ]
    .filter(Boolean)
    .join(" ");
}

/** The console's button; a plain `type="button"` unless said otherwise, so it never submits a form by accident. */
export function Button({
  variant,
  size,
  block,
  type = "button",
  className,
  ...props
}: ComponentProps<"button"> & ButtonStyle) {
  const classes = buttonClass({ variant, size, block });
  return <button type={type} className={className ? `${classes} ${className}` : classes} {...props} />;
}
