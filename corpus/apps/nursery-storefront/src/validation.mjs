import { z } from "zod";

export const addressSchema = z.object({
  name: z.string().min(1),
  street: z.string().min(1),
  postcode: z.string().regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i),
  city: z.string().min(1),
});

export const basketLineSchema = z.object({
  sku: z.string().regex(/^FH-\d{4}$/),
  quantity: z.number().int().min(1).max(50),
});

export const deliveryNoteSchema = z.object({
  note: z.string().max(120),
  leaveWithNeighbour: z.boolean(),
});

/** Parses form and feed data with one of the schemas above; a bad value throws the schema's ZodError. */
export function validateWith(schema, data) {
  return schema.parse(data);
}
