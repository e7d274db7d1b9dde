import { z } from "zod";

/** A database id in the path: a positive 32-bit integer. */
export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
