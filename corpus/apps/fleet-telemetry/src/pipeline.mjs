import { bucketByHour, driverScore, fuelEfficiency, tripsFromLog, utilisationReport } from "./analytics.mjs";
import { decodeCanFrame, decodeGatewayMessage } from "./codec.mjs";
import { parseFuelReceipts, parseTripLog } from "./csv.mjs";
import { checkGeofence } from "./geofence.mjs";
import { estimateEta } from "./routing.mjs";
import { nextServiceDate, parsePingTime } from "./time.mjs";
import { assertValid, validatePing, validateVehicle } from "./validation.mjs";

export const fleet = { vehicles: new Map(), zones: [] };

const HANDLERS = {
  ping: (raw) => {
    const ping = assertValid(validatePing, decodeGatewayMessage(raw), "ping");
    const at = parsePingTime(ping.at);
    const vehicle = fleet.vehicles.get(ping.vehicleId) ?? { depot: "north" };
    return { at: at.toMillis(), inside: checkGeofence(ping, vehicle, fleet.zones) };
  },
  can: (hex) => decodeCanFrame(Buffer.from(hex, "hex")),
  vehicle: (vehicle) => fleet.vehicles.set(assertValid(validateVehicle, vehicle, "vehicle").vin, vehicle),
  "trip-log": (csv) => tripsFromLog(parseTripLog(csv)).map(fuelEfficiency),
  fuel: (csv) => parseFuelReceipts(csv).length,
  service: (records) => records.map(nextServiceDate),
  shift: (shift) => utilisationReport(shift),
  score: (drivers) => drivers.map(driverScore),
  hours: ({ start, end }) => bucketByHour(start, end).length,
  eta: (route) => estimateEta(route),
};

/** Processes one telemetry payload of the given kind. */
export async function processPayload(kind, payload) {
  const handler = HANDLERS[kind];
  if (!handler) throw new Error(`unknown payload kind ${kind}`);
  return handler(payload);
}
