// Great-circle geometry on a sphere, as offshore tracking providers measure it.

/** A point in decimal degrees (WGS 84 coordinates, measured on a sphere). */
export type LatLon = { lat: number; lon: number };

/** Mean Earth radius (IUGG) that trackers use: 6371 km = 3440.065 nautical miles (1 nm = 1852 m). */
export const EARTH_RADIUS_NM = 3440.065;

const RAD = Math.PI / 180;

/** Whether a latitude/longitude pair is a real place (lat −90…90, lon −180…180, finite). */
export function isValidLatLon(point: LatLon): boolean {
  return (
    Number.isFinite(point.lat) && Number.isFinite(point.lon) && Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180
  );
}

/** Great-circle distance in nautical miles (haversine, stable for short and long distances). */
export function greatCircleNm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_NM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The great-circle midpoint of two points (a finish line is measured to it). */
export function midpoint(a: LatLon, b: LatLon): LatLon {
  const φ1 = a.lat * RAD;
  const φ2 = b.lat * RAD;
  const λ1 = a.lon * RAD;
  const dλ = (b.lon - a.lon) * RAD;
  const bx = Math.cos(φ2) * Math.cos(dλ);
  const by = Math.cos(φ2) * Math.sin(dλ);
  const lat = Math.atan2(Math.sin(φ1) + Math.sin(φ2), Math.sqrt((Math.cos(φ1) + bx) ** 2 + by ** 2));
  const lon = λ1 + Math.atan2(by, Math.cos(φ1) + bx);
  return { lat: lat / RAD, lon: ((lon / RAD + 540) % 360) - 180 };
}

/**
 * Local east/north offsets of `p` from `origin` in nautical miles (equirectangular). Exact enough
 * for deciding sides of a line near a mark (tens of miles); distances always use `greatCircleNm`.
 */
export function localOffsetNm(origin: LatLon, p: LatLon): { east: number; north: number } {
  let dLon = p.lon - origin.lon;
  if (dLon > 180) dLon -= 360;
  if (dLon < -180) dLon += 360;
  const meanLat = ((origin.lat + p.lat) / 2) * RAD;
  return {
    east: dLon * RAD * Math.cos(meanLat) * EARTH_RADIUS_NM,
    north: (p.lat - origin.lat) * RAD * EARTH_RADIUS_NM,
  };
}
