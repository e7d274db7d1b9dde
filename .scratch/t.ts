import { z } from "zod";
const s = z.object({ a: z.coerce.number().int().optional(), b: z.coerce.number().default(3), c: z.string().optional() });
type I = z.input<typeof s>;
const t: { zz: 1 } = null! as I;
export { t };
