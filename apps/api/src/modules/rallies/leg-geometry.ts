import { finishPoint } from '@sailcourt/domain';
import type { FinishInput, LegGeometryInputDto } from './dto/leg-geometry.dto.js';
import type { LegEntity, LegMark } from './leg.entity.js';

type GeometryColumns = Partial<Pick<LegEntity, 'fromLat' | 'fromLon' | 'toLat' | 'toLon' | 'waypoints' | 'finishLine'>>;

const mark = (p: { lat: number; lon: number; name?: string }): LegMark =>
  p.name ? { lat: p.lat, lon: p.lon, name: p.name.trim() } : { lat: p.lat, lon: p.lon };

function finishColumns(finish: FinishInput): GeometryColumns {
  if (Array.isArray(finish)) {
    const [a, b] = finish;
    const middle = finishPoint([a, b]);
    return { toLat: middle.lat, toLon: middle.lon, finishLine: [mark(a), mark(b)] };
  }
  return { toLat: finish.lat, toLon: finish.lon, finishLine: null };
}

/** The leg columns a geometry input sets; fields left out keep their stored value. */
export function legGeometryColumns(input: LegGeometryInputDto): GeometryColumns {
  return {
    ...(input.start ? { fromLat: input.start.lat, fromLon: input.start.lon } : {}),
    ...(input.finish ? finishColumns(input.finish) : {}),
    ...(input.waypoints ? { waypoints: input.waypoints.map(mark) } : {}),
  };
}
