import { describe, expect, it } from 'vitest';
import { equirectangular, isInside, multiPolygonPath, offsetRight, pointAlong } from './geo.js';
import { clearLine, landMask, seaRoute } from './sea-route.js';

describe('equirectangular projection', () => {
  const projection = equirectangular({ west: 118, south: 34, east: 124, north: 38 }, 1000);

  it('maps the corners to the drawing and shrinks longitudes by cos(middle latitude)', () => {
    expect(projection.project([118, 38])).toEqual([0, 0]);
    const [x, y] = projection.project([124, 34]);
    expect(x).toBeCloseTo(1000);
    // 4° of latitude against 6° of longitude × cos 36°
    expect(y).toBeCloseTo((1000 * 4) / (6 * Math.cos((36 * Math.PI) / 180)));
    expect(projection.height).toBeCloseTo(y);
  });

  it('draws every ring as a closed path', () => {
    const square = [
      [
        [118, 34],
        [119, 34],
        [119, 35],
        [118, 34],
      ],
    ] as const;
    expect(multiPolygonPath([square], projection)).toMatch(/^M0,\d+(\.\d)?L.*Z$/);
  });
});

describe('polyline helpers', () => {
  it('finds the point half way by length', () => {
    expect(
      pointAlong(
        [
          [0, 0],
          [10, 0],
          [10, 30],
        ],
        0.5,
      ),
    ).toEqual([10, 10]);
  });

  it('moves a line to the right of its direction of travel (y down)', () => {
    expect(
      offsetRight(
        [
          [0, 0],
          [10, 0],
        ],
        2,
      ),
    ).toEqual([
      [0, 2],
      [10, 2],
    ]);
    expect(
      offsetRight(
        [
          [10, 0],
          [0, 0],
        ],
        2,
      ),
    ).toEqual([
      [10, -2],
      [0, -2],
    ]);
  });

  it('tells points inside a polygon with a hole', () => {
    const withHole = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ] as const;
    expect(isInside([2, 2], [withHole])).toBe(true);
    expect(isInside([5, 5], [withHole])).toBe(false);
    expect(isInside([12, 5], [withHole])).toBe(false);
  });
});

describe('sea route', () => {
  // A peninsula from the west edge: land x 0–6, y 4–6; ports above and below it.
  const peninsula = [
    [
      [-1, 4],
      [6, 4],
      [6, 6],
      [-1, 6],
      [-1, 4],
    ],
  ] as const;
  const mask = landMask([peninsula], { west: 0, south: 0, east: 10, north: 10 }, 0.5);

  it('goes round the land instead of across it, and starts and ends at the ports', () => {
    const route = seaRoute(mask, [2, 8], [2, 2]);
    expect(route[0]).toEqual([2, 8]);
    expect(route[route.length - 1]).toEqual([2, 2]);
    expect(Math.max(...route.map(([x]) => x))).toBeGreaterThan(6);
    for (let i = 0; i < route.length - 1; i++) expect(clearLine(mask, route[i]!, route[i + 1]!)).toBe(true);
    expect(clearLine(mask, [2, 8], [2, 2])).toBe(false);
  });

  it('keeps a straight line when the water is open', () => {
    expect(seaRoute(mask, [8, 8], [8, 1])).toEqual([
      [8, 8],
      [8, 1],
    ]);
  });
});
