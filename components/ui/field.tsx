"use client";

import { useId, useMemo, type ReactNode } from "react";
import { FieldContext, type FieldControlProps } from "./field-context";

/**
 * A label, one control (Input, Select or Textarea), an optional hint and the error about this field. The control
 * gets the label's id, `aria-invalid` while there is an error, and the hint and error as its description, so a
 * screen reader reads the error with the field it is about.
 */
export function Field({
  label,
  hint,
  error,
  compact = false,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The smaller, grey label of the review screen's side panels. */
  compact?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const control = useMemo<FieldControlProps>(() => {
    const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
    return {
      id,
      ...(describedBy ? { "aria-describedby": describedBy } : {}),
      ...(error ? { "aria-invalid": true as const } : {}),
    };
  }, [id, hint, hintId, error, errorId]);
  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={compact ? "block text-xs font-medium text-slate-600" : "block text-sm font-medium"}
      >
        {label}
      </label>
      <div className="mt-1">
        <FieldContext.Provider value={control}>{children}</FieldContext.Provider>
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
