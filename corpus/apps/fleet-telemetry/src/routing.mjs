const SPEED_PROFILES = new Map([
  ["A1-north", 88],
  ["A1-south", 92],
  ["ring-east", 54],
  ["ring-west", 51],
  ["city-centre", 23],
]);

async function lookupSegmentSpeed(segment) {
  await new Promise((resolve) => setImmediate(resolve));
  const speed = SPEED_PROFILES.get(segment.id);
  if (speed === undefined) throw new Error(`no speed profile for segment ${segment.id}`);
  return speed;
}

export async function estimateEta(route) {
  let hours = 0;
  for (const segment of route.segments) hours += segment.km / (await lookupSegmentSpeed(segment));
  return Math.round(hours * 60);
}
