// A schematic sea route between two ports that keeps off the land: the shortest path on a grid of
// sea cells (A*), then pulled tight so that only the turns around headlands remain. The rally
// published no tracks; this only stops a line from Qingdao to Weifang cutting across the peninsula.

import { type Extent, isInside, type LonLat, type MultiPolygon } from './geo.js';

export type LandMask = { extent: Extent; cell: number; cols: number; rows: number; land: Uint8Array };

/** Which cells of `extent` (`cell` degrees square) have their centre on land. */
export function landMask(polygons: MultiPolygon, extent: Extent, cell: number): LandMask {
  const cols = Math.ceil((extent.east - extent.west) / cell);
  const rows = Math.ceil((extent.north - extent.south) / cell);
  const land = new Uint8Array(cols * rows);
  const mask = { extent, cell, cols, rows, land };
  for (let index = 0; index < land.length; index++) land[index] = isInside(centre(mask, index), polygons) ? 1 : 0;
  return mask;
}

function centre(mask: Pick<LandMask, 'extent' | 'cell' | 'cols'>, index: number): LonLat {
  const r = Math.floor(index / mask.cols);
  const c = index % mask.cols;
  return [mask.extent.west + (c + 0.5) * mask.cell, mask.extent.north - (r + 0.5) * mask.cell];
}

function cellOf(mask: LandMask, [lon, lat]: LonLat): number {
  const c = Math.min(mask.cols - 1, Math.max(0, Math.floor((lon - mask.extent.west) / mask.cell)));
  const r = Math.min(mask.rows - 1, Math.max(0, Math.floor((mask.extent.north - lat) / mask.cell)));
  return r * mask.cols + c;
}

const isSea = (mask: LandMask, index: number) => mask.land[index] === 0;

/** Ports sit on the shore, often in a cell the mask calls land: start from the nearest sea cell. */
function nearestSea(mask: LandMask, start: number): number {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const index = queue[i] as number;
    if (isSea(mask, index)) return index;
    for (const next of neighbours(mask, index)) {
      if (!seen.has(next.index)) {
        seen.add(next.index);
        queue.push(next.index);
      }
    }
  }
  return start;
}

function* neighbours(mask: LandMask, index: number): Generator<{ index: number; step: number }> {
  const r = Math.floor(index / mask.cols);
  const c = index % mask.cols;
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const nr = r + dr;
      const nc = c + dc;
      if ((dr === 0 && dc === 0) || nr < 0 || nc < 0 || nr >= mask.rows || nc >= mask.cols) continue;
      yield { index: nr * mask.cols + nc, step: Math.hypot(dr, dc) };
    }
  }
}

/** Degrees as distances on the map: a degree of longitude is shorter by cos(latitude). */
function distance(a: LonLat, b: LonLat): number {
  const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]);
}

/** A* over sea cells; diagonal moves may not squeeze between two land cells. */
function gridPath(mask: LandMask, from: number, to: number): number[] | null {
  const goal = centre(mask, to);
  const cost = new Map([[from, 0]]);
  const cameFrom = new Map<number, number>();
  const open = new MinHeap();
  open.push(from, distance(centre(mask, from), goal));
  const closed = new Set<number>();
  for (let current = open.pop(); current !== undefined; current = open.pop()) {
    if (current === to) {
      const path = [to];
      for (let at = cameFrom.get(to); at !== undefined; at = cameFrom.get(at)) path.unshift(at);
      return path;
    }
    if (closed.has(current)) continue;
    closed.add(current);
    const r = Math.floor(current / mask.cols);
    const c = current % mask.cols;
    for (const next of neighbours(mask, current)) {
      if (!isSea(mask, next.index) || closed.has(next.index)) continue;
      const nr = Math.floor(next.index / mask.cols);
      const nc = next.index % mask.cols;
      if (nr !== r && nc !== c && !isSea(mask, r * mask.cols + nc) && !isSea(mask, nr * mask.cols + c)) continue;
      const tentative = (cost.get(current) ?? 0) + distance(centre(mask, current), centre(mask, next.index));
      if (tentative < (cost.get(next.index) ?? Infinity)) {
        cost.set(next.index, tentative);
        cameFrom.set(next.index, current);
        open.push(next.index, tentative + distance(centre(mask, next.index), goal));
      }
    }
  }
  return null;
}

/**
 * Whether the straight line between two points stays on sea cells (sampled a third of a cell apart).
 * The end points' own cells do not count: a port on the shore may sit in a cell the mask calls land.
 */
export function clearLine(mask: LandMask, a: LonLat, b: LonLat): boolean {
  const ends = new Set([cellOf(mask, a), cellOf(mask, b)]);
  const steps = Math.max(1, Math.ceil((Math.hypot(b[0] - a[0], b[1] - a[1]) / mask.cell) * 3));
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const index = cellOf(mask, [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    if (!ends.has(index) && !isSea(mask, index)) return false;
  }
  return true;
}

/** From each kept point, jump to the farthest later point still in a clear line of sight. */
function pullTight(mask: LandMask, points: readonly LonLat[]): LonLat[] {
  const kept: LonLat[] = [];
  let i = 0;
  while (i < points.length - 1) {
    kept.push(points[i] as LonLat);
    let j = points.length - 1;
    while (j > i + 1 && !clearLine(mask, points[i] as LonLat, points[j] as LonLat)) j--;
    i = j;
  }
  kept.push(points[points.length - 1] as LonLat);
  return kept;
}

/** Port to port by sea: the ports themselves, with the turning points between them. */
export function seaRoute(mask: LandMask, from: LonLat, to: LonLat): LonLat[] {
  const start = nearestSea(mask, cellOf(mask, from));
  const end = nearestSea(mask, cellOf(mask, to));
  const cells = gridPath(mask, start, end);
  if (!cells) return [from, to];
  return pullTight(mask, [from, ...cells.map((index) => centre(mask, index)), to]);
}

/** A binary heap of cell indices by priority, enough for A* on a few thousand cells. */
class MinHeap {
  private readonly items: { value: number; priority: number }[] = [];

  push(value: number, priority: number): void {
    const items = this.items;
    items.push({ value, priority });
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as { priority: number }).priority <= priority) break;
      [items[i], items[parent]] = [items[parent] as (typeof items)[number], items[i] as (typeof items)[number]];
      i = parent;
    }
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top?.value;
    items[0] = last;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && (items[left] as typeof last).priority < (items[smallest] as typeof last).priority)
        smallest = left;
      if (right < items.length && (items[right] as typeof last).priority < (items[smallest] as typeof last).priority)
        smallest = right;
      if (smallest === i) break;
      [items[i], items[smallest]] = [items[smallest] as typeof last, items[i] as typeof last];
      i = smallest;
    }
    return top.value;
  }
}
