// The rally's route as a drawing: coastline, ports and legs projected once on the server, so the
// page ships a few path strings instead of the geometry and the routing.

import type { Schemas } from '@sailcourt/api-client';
import coast from '$lib/geo/shandong-coast.json';
import {
  equirectangular,
  type Extent,
  type Frame,
  extentAround,
  type LonLat,
  type MultiPolygon,
  multiPolygonPath,
  offsetRight,
  type Point,
  pointAlong,
  polylinePath,
} from './geo.js';
import { type LandMask, landMask, seaRoute } from './sea-route.js';

export type MapPort = { key: string; name: string; nameEn: string | null; x: number; y: number; labelAbove: boolean };
export type MapLeg = { number: number; path: string; badge: { x: number; y: number }; distanceNm: number };
export type RouteMap = {
  width: number;
  height: number;
  frame: Frame;
  coast: string;
  ports: MapPort[];
  legs: MapLeg[];
  source: string;
};

const WIDTH = 1000;
/** Grid of the sea routing, in degrees (about 5 km): fine enough for the Bohai Strait, cheap enough per request. */
const CELL = 0.05;
/** Legs sharing water in opposite directions are drawn this far apart (map units). */
const LANE = 6;

const COAST_EXTENT: Extent = (() => {
  const [west, south, east, north] = coast.bbox as [number, number, number, number];
  return { west, south, east, north };
})();
const LAND = coast.features.flatMap((feature) => feature.geometry.coordinates as unknown as MultiPolygon);

let mask: LandMask | undefined;
const routes = new Map<string, LonLat[]>();

/** Ports do not move: each route is worked out once per server process. */
function routeBetween(from: LonLat, to: LonLat): LonLat[] {
  const key = `${from.join(',')}>${to.join(',')}`;
  let route = routes.get(key);
  if (!route) {
    route = seaRoute((mask ??= landMask(LAND, COAST_EXTENT, CELL)), from, to);
    routes.set(key, route);
  }
  return route;
}

const lonLat = (c: Schemas['CoordinatesDto']): LonLat => [c.lon, c.lat];

type MappableLeg = Schemas['LegDto'] & {
  fromCoordinates: Schemas['CoordinatesDto'];
  toCoordinates: Schemas['CoordinatesDto'];
};
const isMappable = (leg: Schemas['LegDto']): leg is MappableLeg =>
  leg.fromCoordinates !== null && leg.toCoordinates !== null;

/** The map of the legs that have port coordinates; null when none has. */
export function buildRouteMap(legs: readonly Schemas['LegDto'][]): RouteMap | null {
  const mappable = legs.filter(isMappable);
  if (mappable.length === 0) return null;
  const legRoutes = mappable.map((leg) => routeBetween(lonLat(leg.fromCoordinates), lonLat(leg.toCoordinates)));
  const projection = equirectangular(extentAround(legRoutes.flat(), 0.4, COAST_EXTENT), WIDTH);

  const ports = new Map<string, { name: string; nameEn: string | null; at: LonLat }>();
  for (const leg of mappable) {
    ports.set(leg.from, { name: leg.from, nameEn: leg.fromEn, at: lonLat(leg.fromCoordinates) });
    ports.set(leg.to, { name: leg.to, nameEn: leg.toEn, at: lonLat(leg.toCoordinates) });
  }
  // Labels go on the side away from the fleet's middle, where the legs are not.
  const middleLat = [...ports.values()].reduce((sum, p) => sum + p.at[1], 0) / ports.size;

  const portPoints = [...ports.values()].map((port) => projection.project(port.at));
  const badges: Point[] = [];
  return {
    width: WIDTH,
    height: Math.round(projection.height),
    frame: projection.frame,
    coast: multiPolygonPath(LAND, projection),
    ports: [...ports.entries()].map(([key, port]) => {
      const [x, y] = projection.project(port.at);
      return {
        key,
        name: port.name,
        nameEn: port.nameEn,
        x: round(x),
        y: round(y),
        labelAbove: port.at[1] >= middleLat,
      };
    }),
    legs: mappable.map((leg, i) => {
      const points = offsetRight((legRoutes[i] ?? []).map(projection.project), LANE);
      const [x, y] = placeBadge(points, portPoints, badges);
      badges.push([x, y]);
      return {
        number: leg.number,
        path: polylinePath(points),
        badge: { x: round(x), y: round(y) },
        distanceNm: leg.distanceNm,
      };
    }),
    source: coast.source,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Near the middle of the leg, but clear of the ports (and their labels) and of the badges already placed. */
function placeBadge(path: readonly Point[], ports: readonly Point[], placed: readonly Point[]): Point {
  const clearance = (p: Point) =>
    Math.min(
      ...ports.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) - 110),
      ...placed.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) - 110),
    );
  const candidates = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74].map((fraction) => pointAlong(path, fraction));
  return (
    candidates.find((p) => clearance(p) >= 0) ??
    candidates.reduce((best, p) => (clearance(p) > clearance(best) ? p : best))
  );
}
