/** Mean Earth radius, km. */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;
const normalise = (degrees: number) => ((degrees % 360) + 360) % 360;

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance, km (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: Point, b: Point): number {
  const φ1 = rad(a.latitude);
  const φ2 = rad(b.latitude);
  const Δλ = rad(b.longitude - a.longitude);
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return normalise(deg(Math.atan2(y, x)));
}

/**
 * The point `distance` km along the great circle leaving `from` at
 * `bearing`, and the heading there (the bearing drifts along a great circle).
 */
export function travel(from: Point, bearing: number, distance: number): Point & { heading: number } {
  if (distance <= 0) return { ...from, heading: normalise(bearing) };
  const δ = distance / EARTH_RADIUS_KM;
  const θ = rad(bearing);
  const φ1 = rad(from.latitude);
  const λ1 = rad(from.longitude);
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const λ2 =
    λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  const to = { latitude: deg(φ2), longitude: ((deg(λ2) + 540) % 360) - 180 };
  // Heading at the arrival point = reverse of the bearing back to the start.
  return { ...to, heading: normalise(bearingDeg(to, from) + 180) };
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type Compass = (typeof COMPASS)[number];

/** The 8-point compass direction of a heading. */
export function compassOf(headingDeg: number): Compass {
  return COMPASS[Math.round(normalise(headingDeg) / 45) % 8]!;
}
