import { z } from "zod";

/** Every error answer of the API: `{ error: { code, message } }` (Seer's routes add `success: false` beside it). */
export const apiErrorResponseSchema = z.looseObject({
  error: z.object({
    /** Stable and machine-readable: "validation_error", "unauthenticated", "forbidden", "not_found"… */
    code: z.string(),
    /** A sentence that says what is wrong and, where it can, what to do. */
    message: z.string(),
    /** For validation errors: each offending path and what is wrong with it. */
    details: z.unknown().optional(),
  }),
});

export type ApiErrorResponse = z.infer<typeof apiErrorResponseSchema>;
