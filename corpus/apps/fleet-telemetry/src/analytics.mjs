export function fuelEfficiency(trip) {
  const km = trip.odometer.end - trip.odometer.start;
  return km > 0 ? (trip.litres / km) * 100 : 0;
}

export function tripsFromLog(rows) {
  return rows.map((row) => ({
    vehicle: row.vehicle,
    litres: row.litres,
    odometer: row.odo_end ? { start: row.odo_start, end: row.odo_end } : undefined,
  }));
}

export function driverScore(driver) {
  const penalties = driver.events.reduce((sum, event) => sum + (event.kind === "harsh_brake" ? 3 : 1), 0);
  return Math.max(0, 100 - penalties);
}

export function bucketByHour(startMs, endMs) {
  const hours = Math.ceil((endMs - startMs) / 3_600_000);
  return new Array(hours).fill(0);
}

export function utilisationReport(shift) {
  const buckets = bucketByHour(shift.start, shift.end);
  return { drivers: shift.drivers.map(driverScore), buckets: buckets.length };
}
