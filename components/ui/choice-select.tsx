"use client";

import type { ComponentProps } from "react";
import { Select } from "./select";

export interface Choice {
  value: string | number;
  label: string;
}

type Props = Omit<ComponentProps<typeof Select>, "children"> & {
  /** A first choice that stands for no choice ("All projects", "unchanged"). */
  noChoice?: Choice;
  /** A plain string is its own label. */
  choices: readonly (string | Choice)[];
};

/** A select of a list of choices, with an optional first one that stands for none of them. */
export function ChoiceSelect({ noChoice, choices, ...props }: Props) {
  return (
    <Select {...props}>
      {[...(noChoice ? [noChoice] : []), ...choices].map((choice) => {
        const { value, label } = typeof choice === "string" ? { value: choice, label: choice } : choice;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </Select>
  );
}
