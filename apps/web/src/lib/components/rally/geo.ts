// A plain equirectangular projection, enough for a map a few degrees across: longitudes are shrunk
// by cos(latitude) at the map's middle so that the peninsula keeps its shape.

export type LonLat = readonly [lon: number, lat: number];
export type Point = readonly [x: number, y: number];
export type Extent = { west: number; south: number; east: number; north: number };
export type Ring = readonly LonLat[];
export type MultiPolygon = readonly (readonly Ring[])[];

export type Projection = { width: number; height: number; frame: Frame; project: (lonLat: LonLat) => Point };
/** A projection's numbers, plain data that the browser can use to place boats on a drawn map. */
export type Frame = { west: number; north: number; xScale: number; k: number };

/** Projects with a frame (the same arithmetic as `equirectangular`). */
export function projectWithFrame(frame: Frame, [lon, lat]: LonLat): Point {
  return [(lon - frame.west) * frame.xScale * frame.k, (frame.north - lat) * frame.k];
}

const RAD = Math.PI / 180;

/** Projects `extent` onto a `width`-wide plane, y down, the height following from the extent's shape. */
export function equirectangular(extent: Extent, width: number): Projection {
  const xScale = Math.cos(((extent.south + extent.north) / 2) * RAD);
  const k = width / ((extent.east - extent.west) * xScale);
  const frame: Frame = { west: extent.west, north: extent.north, xScale, k };
  return {
    width,
    height: (extent.north - extent.south) * k,
    frame,
    project: (lonLat) => projectWithFrame(frame, lonLat),
  };
}

/** The smallest extent holding every point, widened by `pad` degrees and kept within `within`. */
export function extentAround(points: readonly LonLat[], pad: number, within: Extent): Extent {
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  return {
    west: Math.max(within.west, Math.min(...lons) - pad),
    east: Math.min(within.east, Math.max(...lons) + pad),
    south: Math.max(within.south, Math.min(...lats) - pad),
    north: Math.min(within.north, Math.max(...lats) + pad),
  };
}

const fixed = (n: number) => String(Math.round(n * 10) / 10);

export function polylinePath(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fixed(x)},${fixed(y)}`).join('');
}

/** All rings of all polygons as one SVG path; the even-odd fill rule cuts the holes. */
export function multiPolygonPath(polygons: MultiPolygon, projection: Projection): string {
  return polygons.flatMap((rings) => rings.map((ring) => `${polylinePath(ring.map(projection.project))}Z`)).join('');
}

/** Even-odd point-in-polygon over every ring of every polygon (holes included). */
export function isInside([lon, lat]: LonLat, polygons: MultiPolygon): boolean {
  return polygons.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as LonLat;
        const [xj, yj] = ring[j] as LonLat;
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

/** The point `fraction` of the way along a polyline, by length. */
export function pointAlong(points: readonly Point[], fraction: number): Point {
  const lengths = points
    .slice(1)
    .map((p, i) => Math.hypot(p[0] - (points[i] as Point)[0], p[1] - (points[i] as Point)[1]));
  let remaining = lengths.reduce((a, b) => a + b, 0) * fraction;
  for (const [i, length] of lengths.entries()) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    if (remaining <= length && length > 0)
      return [a[0] + ((b[0] - a[0]) * remaining) / length, a[1] + ((b[1] - a[1]) * remaining) / length];
    remaining -= length;
  }
  return points[points.length - 1] ?? [0, 0];
}

/**
 * The polyline moved `distance` to the right of its direction of travel, so that two legs sailing
 * the same water in opposite directions are drawn side by side instead of on top of each other.
 */
export function offsetRight(points: readonly Point[], distance: number): Point[] {
  const normals = points.slice(1).map((b, i) => {
    const a = points[i] as Point;
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    // y points down on screen, so (−dy, dx) is the right-hand side.
    return [-(b[1] - a[1]) / length, (b[0] - a[0]) / length] as const;
  });
  return points.map(([x, y], i) => {
    const before = normals[i - 1];
    const after = normals[i];
    const nx = ((before?.[0] ?? 0) + (after?.[0] ?? 0)) / (before && after ? 2 : 1);
    const ny = ((before?.[1] ?? 0) + (after?.[1] ?? 0)) / (before && after ? 2 : 1);
    const length = Math.hypot(nx, ny) || 1;
    return [x + (nx / length) * distance, y + (ny / length) * distance] as const;
  });
}
