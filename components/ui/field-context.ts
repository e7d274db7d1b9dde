"use client";

import { createContext, useContext } from "react";

/** What a Field tells the control inside it: its id and the ids of its hint and error message. */
export interface FieldControlProps {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

export const FieldContext = createContext<FieldControlProps>({});

/** The control's wiring to its Field (label, hint, error); empty outside a Field. */
export function useFieldControl(): FieldControlProps {
  return useContext(FieldContext);
}
