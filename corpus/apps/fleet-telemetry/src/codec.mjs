// Telematics gateways send JSON pings and raw CAN frames (8-byte payloads after a 2-byte id).
export function decodeGatewayMessage(text) {
  const message = JSON.parse(text);
  return { vehicleId: message.vid, at: message.ts, position: message.pos, speedKph: message.spd };
}

export function decodeCanFrame(buffer) {
  const id = buffer.readUInt16BE(0);
  const rpm = buffer.readUInt16BE(2) / 4;
  const coolantC = buffer.readInt8(4) - 40;
  const fuelPct = buffer.readUInt16BE(8) / 10;
  return { id, rpm, coolantC, fuelPct };
}
