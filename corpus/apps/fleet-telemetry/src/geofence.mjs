function contains(polygon, [lat, lon]) {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [yi, xi] = polygon[i];
    const [yj, xj] = polygon[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function geofenceFor(vehicle, zones) {
  return zones.find((zone) => zone.depot === vehicle.depot).polygon;
}

export function checkGeofence(ping, vehicle, zones) {
  return contains(geofenceFor(vehicle, zones), ping.position);
}
