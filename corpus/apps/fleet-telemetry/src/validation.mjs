import Ajv from "ajv";

const ajv = new Ajv({ allErrors: true });

export class PayloadRejectedError extends Error {
  constructor(what, errors) {
    super(`${what} rejected: ${ajv.errorsText(errors)}`);
    this.name = "PayloadRejectedError";
  }
}

export const validatePing = ajv.compile({
  type: "object",
  required: ["vehicleId", "at", "position", "speedKph"],
  properties: {
    vehicleId: { type: "string" },
    at: { type: "string" },
    position: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
    speedKph: { type: "number", minimum: 0, maximum: 250 },
  },
});

export const validateVehicle = ajv.compile({
  type: "object",
  required: ["vin", "plate", "fuel"],
  properties: {
    vin: { type: "string", pattern: "^[A-HJ-NPR-Z0-9]{17}$" },
    plate: { type: "string", minLength: 2 },
    fuel: { enum: ["diesel", "petrol", "electric"] },
  },
});

export function assertValid(validate, data, what) {
  if (!validate(data)) throw new PayloadRejectedError(what, validate.errors);
  return data;
}
