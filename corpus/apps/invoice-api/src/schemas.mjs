import { z } from "zod";

export const LineItemSchema = z.object({
  sku: z.string().min(3),
  description: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: z.number().nonnegative(),
});

export const LineItemsSchema = z.array(LineItemSchema).min(1);

export const AddressSchema = z.object({
  line1: z.string().min(1),
  city: z.string().min(1),
  postalCode: z.string().regex(/^[A-Z0-9 -]{3,10}$/),
  country: z.string().length(2),
});

export const WebhookSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("payment.succeeded"), invoiceId: z.string(), amount: z.number(), currency: z.string() }),
  z.object({ type: z.literal("payment.refunded"), invoiceId: z.string(), amount: z.number(), currency: z.string() }),
]);

/** Parses input against a schema; the ZodError propagates to the caller's error handling. */
export function validate(schema, input) {
  return schema.parse(input);
}
