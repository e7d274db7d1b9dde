"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { ApiError } from "@/lib/queries/api";

/** A form whose values are checked by a contract's zod schema (the same one the route parses the body with). */
export type ContractForm<Schema extends z.ZodType<unknown, FieldValues>> = UseFormReturn<
  z.input<Schema>,
  unknown,
  z.output<Schema>
>;

/** The name of a field of such a form ("reason", "settings.autoPause", "cohort.percent"). */
export type ContractField<Schema extends z.ZodType<unknown, FieldValues>> = Path<z.input<Schema>>;

/**
 * react-hook-form over a contract schema: the rules (lengths, ranges, formats) live once, in lib/contracts, and the
 * form shows their messages beside the fields before anything is sent. Errors show on submit (not when a field is
 * left: an error appearing then would move the submit button away from under the pointer) and follow every change
 * after that.
 */
export function useContractForm<Schema extends z.ZodType<unknown, FieldValues>>(
  schema: Schema,
  options: Omit<UseFormProps<z.input<Schema>, unknown, z.output<Schema>>, "resolver">,
): ContractForm<Schema> {
  return useForm<z.input<Schema>, unknown, z.output<Schema>>({
    mode: "onSubmit",
    reValidateMode: "onChange",
    ...options,
    resolver: zodResolver(schema),
  });
}

/** The message of the error about one field, for its Field. */
export function fieldError<Values extends FieldValues>(
  form: UseFormReturn<Values, unknown, FieldValues>,
  name: Path<Values>,
): string | undefined {
  return form.getFieldState(name, form.formState).error?.message;
}

/** The route wrapper's validation issues: `error.details` of a 400 (server/http/route.ts). */
const serverIssuesSchema = z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }));

/**
 * Puts a failed request's error where it belongs: each issue whose path is one of `fields` beside that field, and
 * the rest (or a failure that names no field) at the top of the form, as `errors.root.server`.
 */
export function showServerError<Values extends FieldValues>(
  form: UseFormReturn<Values, unknown, FieldValues>,
  error: Error,
  fields: readonly Path<Values>[],
): void {
  const details = error instanceof ApiError ? serverIssuesSchema.safeParse(error.details) : null;
  const issues = details?.success ? details.data : [];
  let placed = 0;
  for (const issue of issues) {
    const field = fields.find((name) => name === issue.path.join("."));
    if (!field) continue;
    form.setError(field, { type: "server", message: issue.message }, { shouldFocus: placed === 0 });
    placed += 1;
  }
  if (placed === 0 || placed < issues.length) form.setError("root.server", { type: "server", message: error.message });
}
