import { Check, Column, Entity } from 'typeorm';
import { SourcedEntity, numberTransformer } from '../../database/columns.js';

@Entity('rallies')
@Check('rallies_dates_ordered', `end_date >= start_date`)
@Check('rallies_discards_non_negative', `discards >= 0`)
@Check('rallies_distance_positive', `distance_nm > 0`)
export class RallyEntity extends SourcedEntity {
  @Column({ type: 'text', unique: true, nullable: true })
  slug: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  /** How many of each boat's worst leg scores are excluded (RRS A2.1). */
  @Column({ type: 'integer', default: 0 })
  discards: number;

  /** The published course length; the legs' distances may differ when they are estimates. */
  @Column({ name: 'distance_nm', type: 'double precision', nullable: true })
  distanceNm: number | null;

  @Column({ name: 'boat_class', type: 'text', nullable: true })
  boatClass: string | null;

  @Column({ type: 'text', nullable: true })
  rules: string | null;

  /** Bumped with every write of positions (same transaction): the key of cached tracks. */
  @Column({ name: 'positions_version', type: 'bigint', default: 0, transformer: numberTransformer })
  positionsVersion: number;
}
