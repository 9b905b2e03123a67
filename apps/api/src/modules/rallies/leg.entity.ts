import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { SourcedEntity } from '../../database/columns.js';
import { RallyEntity } from './rally.entity.js';

/** A mark of the course, in decimal degrees (WGS 84). */
export type LegMark = { lat: number; lon: number; name?: string };

@Entity('rally_legs')
@Check('rally_legs_number_positive', `number >= 1`)
@Check('rally_legs_distance_positive', `distance_nm > 0`)
@Check('rally_legs_coefficient_positive', `coefficient > 0`)
@Index('rally_legs_rally_number_unique', ['rallyId', 'number'], { unique: true })
// Target of leg results' composite foreign key: a result's leg belongs to the result's rally.
@Unique('rally_legs_rally_id_unique', ['rallyId', 'id'])
@Check('rally_legs_waypoints_is_array', `jsonb_typeof(waypoints) = 'array'`)
@Check(
  'rally_legs_finish_line_pair',
  `finish_line IS NULL OR (jsonb_typeof(finish_line) = 'array' AND jsonb_array_length(finish_line) = 2)`,
)
export class LegEntity extends SourcedEntity {
  @Column({ name: 'rally_id', type: 'uuid' })
  rallyId: string;

  @ManyToOne(() => RallyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rally_id' })
  rally?: RallyEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'from_port', type: 'text' })
  fromPort: string;

  @Column({ name: 'from_port_en', type: 'text', nullable: true })
  fromPortEn: string | null;

  @Column({ name: 'from_lat', type: 'double precision', nullable: true })
  fromLat: number | null;

  @Column({ name: 'from_lon', type: 'double precision', nullable: true })
  fromLon: number | null;

  @Column({ name: 'to_port', type: 'text' })
  toPort: string;

  @Column({ name: 'to_port_en', type: 'text', nullable: true })
  toPortEn: string | null;

  @Column({ name: 'to_lat', type: 'double precision', nullable: true })
  toLat: number | null;

  @Column({ name: 'to_lon', type: 'double precision', nullable: true })
  toLon: number | null;

  /** Marks to pass in order between the start (from_lat/lon) and the finish (to_lat/lon). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  waypoints: LegMark[];

  /** The two ends of a finish line, when the finish is a line; to_lat/lon then holds its midpoint. */
  @Column({ name: 'finish_line', type: 'jsonb', nullable: true })
  finishLine: [LegMark, LegMark] | null;

  @Column({ name: 'distance_nm', type: 'double precision' })
  distanceNm: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  /** A long leg may count more (e.g. 1.5 or 2 times its points). */
  @Column({ type: 'double precision', default: 1 })
  coefficient: number;
}
